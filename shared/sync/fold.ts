import { applyCommand } from '../domain/commands';
import type { HandoffCommand } from '../domain/command-schema';
import type { Handoff } from '../domain/handoff';
import { HandoffSchema } from '../domain/handoff';
import type { HandoffEvent } from '../domain/history';
import type { Template } from '../domain/template';
import type { CarriedEvent, Recipe } from './carrier';
import { stableId } from './apply-remote';
import { concurrentDecision, isDerivedDecision, scalarKeyOf, scalarValue } from './concurrent-sets';

/**
 * Every desktop turns the same set of events into the same handoff: the union
 * of the logs (by event id) in one canonical order — `created` first, then by
 * `seq` (the version right after the event where it was made, a Lamport clock:
 * an act made after seeing another's sorts after it), then time, then id — is
 * folded from nothing, each event through the path it first took. A command
 * goes through `applyCommand` as already decided; one the state no longer
 * allows (e.g. removing a link the other side removed first) is left out on
 * every desktop alike, so history length still equals version.
 */

export function compareCarried(a: CarriedEvent, b: CarriedEvent): number {
  const created = Number(b.recipe.kind === 'created') - Number(a.recipe.kind === 'created');
  if (created !== 0) return created;
  if (a.seq !== b.seq) return a.seq - b.seq;
  if (a.event.at !== b.event.at) return a.event.at < b.event.at ? -1 : 1;
  return a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0;
}

/**
 * Both logs as one, each event once (the first copy met wins: the local one), in canonical order. An act held
 * after an archive and made again after the restore (held-acts.ts) travels with a higher `seq` than its first
 * copy, which other desktops may still hold: of two copies of one kind, the later `seq` wins, on every desktop.
 */
export function unionLogs(...logs: readonly (readonly CarriedEvent[])[]): CarriedEvent[] {
  const byId = new Map<string, CarriedEvent>();
  for (const log of logs) {
    for (const entry of log) {
      const known = byId.get(entry.event.id);
      if (!known || (known.recipe.kind === entry.recipe.kind && entry.seq > known.seq)) byId.set(entry.event.id, entry);
    }
  }
  return [...byId.values()].sort(compareCarried);
}

export interface FoldResult {
  handoff: Handoff | null;
  /** The history: one event per applied entry, in order. */
  events: HandoffEvent[];
  /** The entries that applied (what this desktop carries on). */
  log: CarriedEvent[];
  /** Entries the state did not allow; left out of history on every desktop. */
  skipped: CarriedEvent[];
  /** The skipped commands refused only because the card was archived at that point (held-acts.ts makes them again after a restore). */
  refusedArchived: CarriedEvent[];
  /** Set when a template version the log needs is not available: the fold stopped and nothing should be written. */
  missingTemplate: { id: string; version: number } | null;
}

function replayIds(entry: CarriedEvent, ids: readonly string[]): () => string {
  let next = 0;
  return () => {
    const id = ids[next] ?? stableId('rid', entry.event.id, String(next));
    next += 1;
    return id;
  };
}

function withVersion(handoff: Handoff | null, version: number): Handoff | null {
  return handoff === null ? null : { ...handoff, version };
}

export function foldLog(log: readonly CarriedEvent[], templateOf: (id: string, version: number) => Template | null): FoldResult {
  let state: Handoff | null = null;
  let count = 0;
  const out: FoldResult = { handoff: null, events: [], log: [], skipped: [], refusedArchived: [], missingTemplate: null };
  const keep = (entry: CarriedEvent, event: HandoffEvent) => {
    out.events.push(event);
    out.log.push(entry);
  };
  // The last applied set of each scalar, to tell a concurrent set (see concurrent-sets.ts).
  const setters = new Map<string, CarriedEvent>();
  for (const entry of log.filter((e) => !isDerivedDecision(e)).sort(compareCarried)) {
    const recipe = entry.recipe;
    if (recipe.kind === 'none') {
      count += 1;
      state = withVersion(state, count);
      keep(entry, entry.event);
      continue;
    }
    if (recipe.kind === 'created' || recipe.kind === 'patch') {
      const current: Handoff | null = state;
      const base: Record<string, unknown> = recipe.kind === 'created' || current === null ? {} : { ...current };
      const fields = recipe.kind === 'created' ? entry.event.after : recipe.fields;
      if ((recipe.kind === 'created' && state !== null) || typeof fields !== 'object' || fields === null) {
        out.skipped.push(entry);
        continue;
      }
      const parsed = HandoffSchema.safeParse({ ...base, ...fields, version: count + 1 });
      if (!parsed.success) {
        out.skipped.push(entry);
        continue;
      }
      count += 1;
      state = parsed.data;
      keep(entry, entry.event);
      continue;
    }
    if (state === null) {
      out.skipped.push(entry);
      continue;
    }
    const template = templateOf(state.templateId, state.templateVersion);
    if (template === null) {
      out.missingTemplate = { id: state.templateId, version: state.templateVersion };
      return out;
    }
    const applied = applyCommand(state, recipe.command, { template, actor: entry.event.actor, now: entry.event.at, newId: replayIds(entry, recipe.ids), decided: true });
    if (!applied.ok) {
      out.skipped.push(entry);
      // A second archive of an archived card is redundant, not waiting for anything.
      if (applied.error.code === 'ARCHIVED' && recipe.command.type !== 'archive') out.refusedArchived.push(entry);
      continue;
    }
    const before: Handoff = state;
    count += 1;
    state = { ...applied.handoff, version: count };
    keep(entry, { ...applied.event, id: entry.event.id });
    const key = scalarKeyOf(recipe.command);
    if (key === null) continue;
    const replaced = setters.get(key);
    setters.set(key, entry);
    if (replaced === undefined || entry.prev === undefined || entry.prev === replaced.event.id) continue;
    const [lost, won] = [scalarValue(before, template, key), scalarValue(state, template, key)];
    if (lost === won) continue;
    const decision = concurrentDecision(state.id, key, replaced, lost, entry, won);
    count += 1;
    state = { ...state, version: count };
    keep(decision, decision.event);
  }
  out.handoff = state;
  return out;
}

/** The ids a command minted, in minting order: records it created (approval, open question), then its event. */
export function mintedIds(command: HandoffCommand, after: Handoff, eventId: string): string[] {
  if (command.type === 'approve') {
    const approval = after.approvals.at(-1);
    return approval ? [approval.id, eventId] : [eventId];
  }
  if (command.type === 'bounce' || command.type === 'reopen') {
    const question = after.openQuestions.at(-1);
    return question ? [question.id, eventId] : [eventId];
  }
  return [eventId];
}

/** The recipe of a change that was not a command: the top-level fields that differ. */
export function patchRecipe(before: Handoff | null, after: Handoff): Recipe {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (key === 'version') continue;
    const old: unknown = before === null ? undefined : (before as Record<string, unknown>)[key];
    if (JSON.stringify(old) !== JSON.stringify(value)) fields[key] = value;
  }
  return { kind: 'patch', fields };
}

/**
 * History made before the carrier existed has no recipes: every event but the
 * last counts as a step, and the last one carries the whole record, so the
 * fold reproduces the handoff exactly.
 */
export function legacyLog(handoff: Handoff, events: readonly HandoffEvent[]): CarriedEvent[] {
  const ordered = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  return ordered.map((event, i) => ({
    seq: i + 1,
    event,
    recipe: i === ordered.length - 1 ? patchRecipe(null, handoff) : { kind: 'none' },
  }));
}
