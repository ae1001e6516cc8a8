import type { Owner } from '../domain/settings';
import type { Template } from '../domain/template';
import { SEED_TEMPLATES } from '../seed/templates';
import { stableId } from './apply-remote';
import type { TeamAct, TeamRecord } from './team-carrier';
import { TEAM_FORMAT, TEAM_VERSION } from './team-carrier';

/**
 * Merging the team's settings from two sides (this desktop and the team
 * record, or two records). Pure and deterministic: every desktop that holds
 * the same versions and acts computes the same record, whatever order they
 * arrived in, and merging a result with itself changes nothing.
 * - Template versions never change once saved, so they are united. Two
 *   desktops that both made "version N+1" of one template with different
 *   content: the one made first (then the smaller content) keeps N+1, the
 *   other is renumbered to the next free version on every desktop, so no
 *   content is lost and no number means two things.
 * - Acts (roles, archiving) are united by id; per person (per template) the
 *   act that sorts last — by seq, then time, then id — wins.
 */

export interface TeamState {
  templates: readonly Template[];
  acts: readonly TeamAct[];
}

export interface Renumbered {
  templateId: string;
  /** The number both sides used. */
  from: number;
  /** The number the later content got. */
  to: number;
}

export interface TeamMerge {
  record: TeamRecord;
  renumbered: Renumbered[];
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** A template as the team record holds it: archiving is an act, not part of a version. */
export function teamVersion(template: Template): Template {
  return { ...template, archivedAt: null };
}

const contentKeys = new WeakMap<Template, string>();

/** What a version says, whatever number it has (remembered per object: sorting asks for it often). */
function contentKey(template: Template): string {
  const known = contentKeys.get(template);
  if (known !== undefined) return known;
  const { version: _version, archivedAt: _archivedAt, ...rest } = template;
  const key = canonicalJson(rest);
  contentKeys.set(template, key);
  return key;
}

/** True when two stored versions say the same (archiving aside). */
export function sameVersion(a: Template, b: Template): boolean {
  return a.version === b.version && contentKey(a) === contentKey(b);
}

const SEED_KEYS = new Set(SEED_TEMPLATES.map((t) => `${t.id}@${t.version}:${contentKey(t)}`));

/** True for a shipped seed version left as shipped: every Baton has it, so it need not travel. */
export function isSeedVersion(template: Template): boolean {
  return SEED_KEYS.has(`${template.id}@${template.version}:${contentKey(template)}`);
}

export function compareActs(a: TeamAct, b: TeamAct): number {
  if (a.seq !== b.seq) return a.seq - b.seq;
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function unionActs(...lists: readonly (readonly TeamAct[])[]): TeamAct[] {
  const byId = new Map<string, TeamAct>();
  for (const list of lists) {
    for (const act of list) {
      const known = byId.get(act.id);
      // Acts never change; two different acts under one id (a damaged writer) are decided the same way everywhere.
      if (!known || canonicalJson(act) < canonicalJson(known)) byId.set(act.id, act);
    }
  }
  return [...byId.values()].sort(compareActs);
}

function unionTemplates(lists: readonly (readonly Template[])[]): { templates: Template[]; renumbered: Renumbered[] } {
  const byId = new Map<string, Template[]>();
  for (const list of lists) for (const template of list) byId.set(template.id, [...(byId.get(template.id) ?? []), teamVersion(template)]);
  const out: Template[] = [];
  const renumbered: Renumbered[] = [];
  for (const id of [...byId.keys()].sort()) {
    const candidates = byId.get(id) ?? [];
    // Each content once (its time included, so a revert to earlier wording stays its own version). One content under
    // two numbers was renumbered on some desktop: the higher number is the renumbered one, and it is not renumbered again.
    const byContent = new Map<string, Template>();
    for (const t of [...candidates].sort((a, b) => b.version - a.version)) {
      const key = contentKey(t);
      if (!byContent.has(key)) byContent.set(key, t);
    }
    const kept = new Map<number, Template>();
    const losers: Template[] = [];
    const ordered = [...byContent.values()].sort((a, b) => a.version - b.version || a.createdAt.localeCompare(b.createdAt) || (contentKey(a) < contentKey(b) ? -1 : 1));
    for (const t of ordered) {
      if (kept.has(t.version)) losers.push(t);
      else kept.set(t.version, t);
    }
    let next = Math.max(0, ...kept.keys());
    for (const loser of losers) {
      next += 1;
      kept.set(next, { ...loser, version: next });
      renumbered.push({ templateId: id, from: loser.version, to: next });
    }
    out.push(...[...kept.values()].sort((a, b) => a.version - b.version));
  }
  return { templates: out, renumbered };
}

/** Unites team states into one record (see above). */
export function mergeTeam(...states: readonly TeamState[]): TeamMerge {
  const { templates, renumbered } = unionTemplates(states.map((s) => s.templates.filter((t) => !isSeedVersion(t))));
  const acts = unionActs(...states.map((s) => s.acts));
  return { record: { format: TEAM_FORMAT, v: TEAM_VERSION, templates, acts }, renumbered };
}

/** True when two records hold the same versions and acts. */
export function sameTeam(a: TeamRecord, b: TeamRecord): boolean {
  return canonicalJson(mergeTeam(a).record) === canonicalJson(mergeTeam(b).record);
}

/** The act in force per key: the last one in canonical order. */
function winners<K>(acts: readonly TeamAct[], keyOf: (act: TeamAct) => K | null): Map<K, TeamAct> {
  const out = new Map<K, TeamAct>();
  for (const act of [...acts].sort(compareActs)) {
    const key = keyOf(act);
    if (key !== null) out.set(key, act);
  }
  return out;
}

/** Each person's role act in force. */
export function roleActs(acts: readonly TeamAct[]): Map<string, Extract<TeamAct, { kind: 'role' }>> {
  const out = new Map<string, Extract<TeamAct, { kind: 'role' }>>();
  for (const [person, act] of winners(acts, (a) => (a.kind === 'role' ? a.person : null))) if (act.kind === 'role') out.set(person, act);
  return out;
}

/** Each template's archiving act in force. */
export function archiveActs(acts: readonly TeamAct[]): Map<string, Extract<TeamAct, { kind: 'template_archived' }>> {
  const out = new Map<string, Extract<TeamAct, { kind: 'template_archived' }>>();
  for (const [id, act] of winners(acts, (a) => (a.kind === 'template_archived' ? a.templateId : null))) if (act.kind === 'template_archived') out.set(id, act);
  return out;
}

/** Who saved each template version (`id@version` → act). */
export function savedBy(acts: readonly TeamAct[]): Map<string, Extract<TeamAct, { kind: 'template_saved' }>> {
  const out = new Map<string, Extract<TeamAct, { kind: 'template_saved' }>>();
  for (const [key, act] of winners(acts, (a) => (a.kind === 'template_saved' ? `${a.templateId}@${a.version}` : null))) if (act.kind === 'template_saved') out.set(key, act);
  return out;
}

/** The people directory with every role the acts decide (people without an act keep theirs). */
export function withTeamRoles(owners: readonly Owner[], acts: readonly TeamAct[]): Owner[] {
  const roles = roleActs(acts);
  return owners.map((owner) => {
    const act = roles.get(owner.id);
    if (!act) return owner;
    const { role: _role, ...rest } = owner;
    return act.role.trim() === '' ? rest : { ...rest, role: act.role };
  });
}

/** The next Lamport value: after every act this desktop has seen. */
export function nextSeq(acts: readonly TeamAct[]): number {
  return acts.reduce((max, act) => Math.max(max, act.seq), 0) + 1;
}

/** Role acts for what changed between two directories, made by `by` at `at`. */
export function roleChanges(before: readonly Owner[], after: readonly Owner[], known: readonly TeamAct[], by: string, at: string): TeamAct[] {
  const previous = new Map(before.map((o) => [o.id, (o.role ?? '').trim()]));
  const inForce = roleActs(known);
  let seq = nextSeq(known);
  const acts: TeamAct[] = [];
  for (const owner of after) {
    const role = (owner.role ?? '').trim();
    if ((previous.get(owner.id) ?? '') === role) continue;
    // Writing down what the team already decided (a person added from HubSpot with their team role) is no new act.
    if (inForce.get(owner.id)?.role.trim() === role) continue;
    acts.push({ kind: 'role', id: stableId('role', owner.id, role, by, at, String(seq)), seq, at, by, person: owner.id, role });
    seq += 1;
  }
  return acts;
}

/**
 * Roles set before roles travelled (no act for that person anywhere) become
 * acts at seq 0, so they reach the team but any act made since wins.
 */
export function legacyRoleActs(owners: readonly Owner[], acts: readonly TeamAct[], by: string, at: string): TeamAct[] {
  const covered = new Set(acts.flatMap((a) => (a.kind === 'role' ? [a.person] : [])));
  return owners
    .filter((o) => !covered.has(o.id) && (o.role ?? '').trim() !== '')
    .map((o) => {
      const role = (o.role ?? '').trim();
      return { kind: 'role' as const, id: stableId('role-legacy', o.id, role), seq: 0, at, by, person: o.id, role };
    });
}
