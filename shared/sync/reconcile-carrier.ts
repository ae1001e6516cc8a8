import type { Handoff } from '../domain/handoff';
import type { HandoffEvent } from '../domain/history';
import type { Template } from '../domain/template';
import { handoffToDealProperties, normalizeDealProperties } from '../hubspot/mapping';
import type { Carrier, CarriedEvent } from './carrier';
import { CARRIER_PROPERTIES } from './carrier';
import { foldLog, legacyLog, patchRecipe, unionLogs } from './fold';
import { openLeftPipeline } from './apply-pipeline';
import { actsToHold, restoredHere, resumeHeld, withHeld } from './held-acts';
import type { RemoteDeal, SyncBase } from './protocol';
import type { DealResult, LocalRecord, ReconcileInput } from './reconcile-types';

/**
 * A deal that carries a Baton record: the handoff another desktop wrote.
 * Its log and ours are united and folded (fold.ts), so every act arrives as
 * the act it was, by whoever did it. What is left over between the deal's
 * properties and the record's own handoff was edited directly in HubSpot by
 * someone not using Baton: that part goes through today's property merge
 * (and the gate, for a stage), as it always did.
 */

export type MergeInto = (deal: RemoteDeal, local: LocalRecord, template: Template, input: ReconcileInput, importing: boolean) => DealResult;

/** The carrier properties as they are on the deal: kept in the base so a push resends the record only when it changed. */
export function carrierBase(deal: RemoteDeal): SyncBase {
  return Object.fromEntries(CARRIER_PROPERTIES.map((name) => [name, deal.properties[name] ?? null]));
}

/** The local log of a handoff: its recorded recipes, or the legacy form when any event lacks one (a restored backup, an older Baton). */
export function localLogOf(handoff: Handoff, events: readonly HandoffEvent[], recipes: ReadonlyMap<string, Omit<CarriedEvent, 'event'>>): CarriedEvent[] {
  const entries: CarriedEvent[] = [];
  for (const event of events) {
    const recipe = recipes.get(event.id);
    if (!recipe) return legacyLog(handoff, events);
    entries.push({ ...recipe, event });
  }
  return entries;
}

/** Events pulled from HubSpot edits get recipes: each a step, the last one setting every field they changed. */
export function appendDerived(log: readonly CarriedEvent[], start: Handoff | null, after: Handoff, events: readonly HandoffEvent[]): CarriedEvent[] {
  const firstSeq = (start?.version ?? 0) + 1;
  return [
    ...log,
    ...events.map((event, i): CarriedEvent => ({
      seq: firstSeq + i,
      event,
      recipe: i === events.length - 1 ? patchRecipe(start, after) : { kind: 'none' },
    })),
  ];
}

const UNTOUCHED: DealResult = { write: null, conflicts: [], exceptions: [], problems: [] };

/**
 * Whether anything on the deal differs from what the record's writer mirrored (an edit made directly in HubSpot),
 * or the card waits for its deal to come back to the pipeline. When neither, the property merge would change
 * nothing, so it is skipped: on a first sync of 1,000 handoffs it was a third of the merge's time.
 */
function editedInHubSpot(deal: RemoteDeal, start: Handoff, template: Template, mirrored: Readonly<Record<string, string | null>>, input: ReconcileInput): boolean {
  if (openLeftPipeline(start).length > 0) return true;
  const names = Object.keys(handoffToDealProperties(start, template, input)).filter((name) => Object.hasOwn(deal.properties, name));
  const remote = normalizeDealProperties(deal.properties, names, template);
  return names.some((name) => !Object.hasOwn(mirrored, name) || (mirrored[name] ?? null) !== remote[name]);
}

export function mergeCarried(deal: RemoteDeal, local: LocalRecord | null, carrier: Carrier, input: ReconcileInput, mergeInto: MergeInto): DealResult {
  const templates = [carrier.template, ...input.templates];
  const templateOf = (id: string, version: number): Template | null => templates.find((t) => t.id === id && t.version === version) ?? null;
  const remoteIds = new Set(carrier.log.map((e) => e.event.id));
  const remoteById = new Map(carrier.log.map((e) => [e.event.id, e]));
  // Not in the record, or made again after a restore (same id, same kind, later seq than the record's copy: see unionLogs).
  const lacking = (e: CarriedEvent): boolean => {
    const there = remoteById.get(e.event.id);
    return there === undefined || (there.recipe.kind === e.recipe.kind && e.seq > there.seq);
  };
  // An archived deal's record is the last word every desktop can read (held-acts.ts): local acts it lacks are held, not folded.
  // Not final only while this desktop's own restore (which makes the deal again) is the card's last word.
  const final = deal.archived && !(local !== null && local.handoff.archivedAt === null && restoredHere(local.log ?? [], remoteIds));
  const toHold = final ? actsToHold(local?.log ?? [], remoteIds) : [];
  const localLog = final ? (local?.log ?? []).filter((e) => remoteIds.has(e.event.id)) : (local?.log ?? []);
  const heldBefore = local?.held ?? [];
  let held = withHeld(heldBefore, toHold);
  let union = unionLogs(localLog, carrier.log);
  const localIds = new Set(localLog.map((e) => e.event.id));
  const arrived = union.some((e) => !localIds.has(e.event.id));
  // Local acts the record lacks are folded too, so this desktop computes exactly what the others will.
  const unsent = localLog.some(lacking);
  const problem = (message: string, waitsFor?: { templateId: string; version: number }): DealResult => ({
    write: null,
    conflicts: [],
    exceptions: [],
    problems: [{ dealId: deal.dealId, handoffId: carrier.handoffId, message, ...(waitsFor ? { waitsFor } : {}) }],
  });

  let handoff: Handoff;
  let log: CarriedEvent[];
  let history: HandoffEvent[] | null = null;
  const dropped: CarriedEvent[] = [];
  if (local === null || arrived || unsent || toHold.length > 0 || (!final && held.length > 0)) {
    let folded = foldLog(union, templateOf);
    // An act of this desktop that sorts after a concurrent archive is refused by the archived card: held like one
    // made after the archive reached HubSpot, so it is made again after the restore instead of silently lost.
    const refused = folded.refusedArchived.filter((e) => !remoteIds.has(e.event.id));
    if (refused.length > 0) {
      held = withHeld(held, refused);
      const ids = new Set(refused.map((e) => e.event.id));
      union = union.filter((e) => !ids.has(e.event.id));
    }
    // Restored (here or elsewhere): the held acts are made again after the restore, and travel with the deal.
    if (!final && held.length > 0 && folded.handoff !== null && folded.handoff.archivedAt === null && folded.missingTemplate === null) {
      const resumed = resumeHeld(union, held);
      union = unionLogs(union, resumed);
      folded = foldLog(union, templateOf);
      const resumedIds = new Set(resumed.map((e) => e.event.id));
      dropped.push(...folded.skipped.filter((e) => resumedIds.has(e.event.id)));
      held = [];
    }
    if (folded.missingTemplate) {
      const { id, version } = folded.missingTemplate;
      return problem(`"${carrier.title}" uses template "${id}" version ${version}, which is not on this computer yet; it is left as it was and becomes complete when the template arrives.`, { templateId: id, version });
    }
    if (folded.handoff === null) return problem(`The Baton record of "${carrier.title}" in HubSpot has no creation event; it was not merged.`);
    handoff = folded.handoff;
    log = folded.log;
    history = folded.events;
  } else {
    handoff = local.handoff;
    log = localLog;
  }
  const template = templateOf(handoff.templateId, handoff.templateVersion);
  if (template === null) return problem(`Template "${handoff.templateId}" version ${handoff.templateVersion} of "${handoff.title}" is not on this computer yet.`, { templateId: handoff.templateId, version: handoff.templateVersion });

  // The record's own handoff is what its writer mirrored into the properties: any other value was set in HubSpot.
  const mirrored = carrier.mirrored;
  const start: Handoff = { ...handoff, client: { ...handoff.client, hubspotDealId: deal.dealId } };
  const direct = editedInHubSpot(deal, start, template, mirrored, input)
    ? mergeInto(deal, { handoff: start, base: mirrored, ...(local?.localEditTimes ? { localEditTimes: local.localEditTimes } : {}) }, template, input, false)
    : UNTOUCHED;
  const after = direct.write?.handoff ?? start;
  const derived = direct.write?.events ?? [];
  const fullLog = appendDerived(log, handoff, after, derived);
  const changedHere = history !== null || derived.length > 0;
  // The base is what HubSpot holds now (not what the record says it should): a push then sends every value that differs.
  const names = Object.keys(handoffToDealProperties(after, template, input)).filter((name) => Object.hasOwn(deal.properties, name));
  const newBase: SyncBase = { ...(local?.base ?? {}), ...normalizeDealProperties(deal.properties, names, template), ...(direct.write?.newBase ?? {}), ...carrierBase(deal) };
  // This desktop has acts HubSpot's record lacks, or values it must put back: push.
  const needsPush = log.some(lacking) || derived.length > 0;
  const heldChanged = JSON.stringify(held) !== JSON.stringify(heldBefore);
  // A held act the restored card no longer allows (e.g. an acceptance after the card moved on) is said, not dropped silently.
  const notApplied = dropped.map((e) => ({ dealId: deal.dealId, handoffId: carrier.handoffId, message: `"${handoff.title}" was restored, but a change made on this computer while it was archived no longer applies and was not made: ${e.event.summary === '' ? e.event.kind : e.event.summary}.`, heldNotApplied: true as const }));
  if (!changedHere && !heldChanged && local !== null && JSON.stringify(local.base) === JSON.stringify(newBase) && !needsPush) return { ...direct, write: null };
  return {
    ...direct,
    problems: [...direct.problems, ...notApplied],
    write: {
      handoff: after,
      events: [...(history ?? []), ...derived],
      newBase,
      dealId: deal.dealId,
      created: local === null,
      replaceHistory: history !== null,
      log: fullLog,
      templates: [carrier.template],
      needsPush,
      ...(heldChanged ? { held } : {}),
    },
  };
}
