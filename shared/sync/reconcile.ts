import type { Handoff } from '../domain/handoff';
import { HandoffSchema, startingRecords } from '../domain/handoff';
import type { HandoffEvent } from '../domain/history';
import type { Template } from '../domain/template';
import { handoffToDealProperties, isBatonOwned, normalizeDealProperties, parseTemplateKey } from '../hubspot/mapping';
import type { DealProperties } from '../hubspot/mapping';
import { PROP } from '../hubspot/properties';
import type { RemoteDeal, SyncBase } from './protocol';
import { HUBSPOT_ACTOR } from './edit-times';
import { isConflict, mergeProperties } from './merge';
import type { FieldOutcome } from './merge';
import { applyRemoteFields, stableId } from './apply-remote';
import { applyStage } from './apply-stage';
import { clearLeftPipeline, flagLeftPipeline, isOutsidePipeline } from './apply-pipeline';
import type { Carrier } from './carrier';
import { decodeCarrier } from './carrier';
import { actsToHold } from './held-acts';
import { appendDerived, mergeCarried } from './reconcile-carrier';
import type { DealResult, HandoffWrite, LocalRecord, MergeDecision, RaisedException, ReconcileInput, ReconcileOutput, ReconcileProblem } from './reconcile-types';

export type { DealResult, HandoffWrite, LocalRecord, MergeDecision, RaisedException, ReconcileInput, ReconcileOutput, ReconcileProblem } from './reconcile-types';

/**
 * Reconcile pulled HubSpot deals with local handoffs: pure, so the renderer
 * can run it inside the Dexie transaction that writes its result.
 */

function findTemplate(templates: readonly Template[], id: string, version: number): Template | null {
  return templates.find((t) => t.id === id && t.version === version) ?? null;
}

function epoch(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function remoteTimeOf(deal: RemoteDeal): (name: string) => string {
  return (name) => deal.history[name]?.[0]?.timestamp ?? deal.updatedAt;
}

function mergeDecisionEvent(handoff: Handoff, outcome: FieldOutcome, now: string): HandoffEvent {
  const localWon = outcome.kind === 'conflict_local_wins';
  const winner = { side: localWon ? 'baton' : 'hubspot', value: outcome.winner, at: localWon ? outcome.localAt : outcome.remoteAt };
  const loser = { side: localWon ? 'hubspot' : 'baton', value: localWon ? outcome.remote : outcome.local, at: localWon ? outcome.remoteAt : outcome.localAt };
  return {
    id: stableId('mrg', handoff.id, outcome.name, outcome.localAt, outcome.remoteAt, String(outcome.local), String(outcome.remote)),
    handoffId: handoff.id,
    kind: 'merge_decision',
    actor: HUBSPOT_ACTOR,
    at: now,
    field: outcome.name,
    before: loser,
    after: winner,
    summary:
      `Baton and HubSpot both changed ${outcome.name}: kept the later ${localWon ? 'Baton' : 'HubSpot'} value ` +
      `${JSON.stringify(winner.value)}; the ${loser.side === 'baton' ? 'Baton' : 'HubSpot'} value ${JSON.stringify(loser.value)} can be restored from here.`,
  };
}

const EMPTY: DealResult = { write: null, conflicts: [], exceptions: [], problems: [] };

function skeletonFor(deal: RemoteDeal, template: Template, now: string): Handoff {
  const name = deal.properties[PROP.name]?.trim();
  const title = name && name.length <= 300 ? name : `HubSpot deal ${deal.dealId}`;
  return {
    id: deal.batonId ?? `hubspot-${deal.dealId}`,
    title,
    client: { name: title.slice(0, 200), hubspotCompanyId: null, hubspotDealId: deal.dealId },
    templateId: template.id,
    templateVersion: template.version,
    state: 'IN_PROGRESS',
    rank: epoch(deal.updatedAt),
    sender: null,
    receiver: null,
    nextAction: null,
    ...startingRecords(),
    stateEnteredAt: now,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
}

/**
 * Whether the deal's Baton record decides the card. A deleted deal does only when its record holds the
 * archive act (archived in Baton, which wrote the record first); one deleted directly in HubSpot is
 * archived as a HubSpot event below. An archived card follows a record that brings acts it lacks
 * (a restore, or the archive it already has from another desktop plus more), and any record when
 * the card has acts that record lacks (folded, or held when the deal is archived).
 */
function followsRecord(deal: RemoteDeal, local: LocalRecord | null, carrier: Carrier, pipelineId: string): boolean {
  if (isOutsidePipeline(deal, pipelineId)) return false;
  if (deal.archived && !carrier.log.some((e) => e.recipe.kind === 'command' && e.recipe.command.type === 'archive')) return false;
  if (local === null || local.handoff.archivedAt === null) return true;
  const known = new Set((local.log ?? []).map((e) => e.event.id));
  const remote = new Set(carrier.log.map((e) => e.event.id));
  // Acts made here that the record lacks are folded like any card's (so this history is the one every desktop
  // computes), or held when the deal is archived (held-acts.ts).
  if (actsToHold(local.log ?? [], remote).length > 0) return true;
  return carrier.log.some((e) => !known.has(e.event.id));
}

function reconcileDeal(deal: RemoteDeal, local: LocalRecord | null, input: ReconcileInput): DealResult {
  const problem = (message: string, handoffId: string | null = local?.handoff.id ?? null, waitsFor?: ReconcileProblem['waitsFor']): DealResult => ({
    ...EMPTY,
    problems: [{ dealId: deal.dealId, handoffId, message, ...(waitsFor ? { waitsFor } : {}) }],
  });

  const carried = decodeCarrier(deal.properties);
  if (carried.ok === false) {
    const title = local?.handoff.title ?? deal.properties[PROP.name] ?? deal.dealId;
    return problem(`"${title}" was not merged: ${carried.message} Nothing on this computer was changed.`, local?.handoff.id ?? deal.batonId);
  }
  if (carried.ok === true && followsRecord(deal, local, carried.carrier, input.pipelineId)) {
    return mergeCarried(deal, local, carried.carrier, input, mergeInto);
  }
  if (local === null) {
    // Only deals in the Handoffs pipeline become handoffs.
    if (deal.archived || isOutsidePipeline(deal, input.pipelineId)) return EMPTY;
    const key = deal.properties[PROP.template] ?? null;
    const named = parseTemplateKey(key);
    // A deal naming a template is filed under exactly that version or not at all: never under another template.
    const template = named ? findTemplate(input.templates, named.templateId, named.templateVersion) : input.defaultTemplate;
    if (template === null) {
      return problem(
        named
          ? `Deal ${deal.dealId} uses template "${named.templateId}" version ${named.templateVersion}, which is not on this computer yet; it will be imported when the template arrives.`
          : `Deal ${deal.dealId} names no template and there is no default template; it was not imported.`,
        deal.batonId,
        named ? { templateId: named.templateId, version: named.templateVersion } : undefined,
      );
    }
    return mergeInto(deal, { handoff: skeletonFor(deal, template, input.now), base: null }, template, input, true);
  }

  const { handoff } = local;
  const template = findTemplate(input.templates, handoff.templateId, handoff.templateVersion);
  if (template === null) {
    return problem(`Template ${handoff.templateId} version ${handoff.templateVersion} of "${handoff.title}" is missing; its deal was not merged.`, handoff.id, { templateId: handoff.templateId, version: handoff.templateVersion });
  }
  if (handoff.archivedAt !== null) return EMPTY;

  if (deal.archived) {
    const archived: Handoff = { ...handoff, archivedAt: input.now, updatedAt: input.now, version: handoff.version + 1 };
    const event: HandoffEvent = {
      id: stableId('evt', handoff.id, 'archived', deal.dealId, deal.updatedAt),
      handoffId: handoff.id,
      kind: 'archived',
      actor: HUBSPOT_ACTOR,
      at: input.now,
      field: 'archivedAt',
      before: null,
      after: input.now,
      summary: `The deal was deleted in HubSpot, so "${handoff.title}" was archived (restore it to keep working on it).`,
    };
    return { ...EMPTY, write: { handoff: archived, events: [event], newBase: local.base ?? {}, dealId: deal.dealId, created: false } };
  }
  if (isOutsidePipeline(deal, input.pipelineId)) {
    // Nothing of the deal is merged (its stage means nothing here) and the base stays, so no push moves it back either.
    const flagged = flagLeftPipeline(handoff, deal, input.now);
    if (!flagged.raised) return EMPTY;
    const changed: Handoff = { ...flagged.handoff, updatedAt: input.now, version: handoff.version + flagged.events.length };
    return {
      ...EMPTY,
      write: { handoff: changed, events: flagged.events, newBase: local.base ?? {}, dealId: deal.dealId, created: false },
      exceptions: [{ handoffId: handoff.id, exception: flagged.raised }],
    };
  }
  return mergeInto(deal, local, template, input, false);
}

function mergeInto(deal: RemoteDeal, local: LocalRecord, template: Template, input: ReconcileInput, importing: boolean): DealResult {
  const start = local.handoff;
  const localProps = handoffToDealProperties(start, template, input);
  const names = Object.keys(localProps).filter((name) => Object.hasOwn(deal.properties, name));
  const remoteProps = normalizeDealProperties(deal.properties, names, template);
  // An import starts from an empty handoff: every HubSpot value is a remote-only change, never a conflict.
  const base: DealProperties | null = importing ? localProps : local.base;
  const outcomes = mergeProperties({
    local: localProps,
    remote: remoteProps,
    base,
    localTimeOf: (name) => local.localEditTimes?.[name] ?? start.updatedAt,
    remoteTimeOf: remoteTimeOf(deal),
  });

  // The deal is in the Handoffs pipeline (it came with this pull): an earlier move out of it is over.
  const back = clearLeftPipeline(start, input.now);
  const applied = applyRemoteFields(back.handoff, outcomes, { template, dealId: deal.dealId });
  let handoff = applied.handoff;
  const events = [...back.events, ...applied.events];
  const problems = applied.problems.map((message) => ({ dealId: deal.dealId, handoffId: start.id, message }));
  const exceptions: RaisedException[] = [];
  const newBase: SyncBase = { ...(local.base ?? {}), ...remoteProps };

  const stage = outcomes.find((o) => o.name === PROP.stage);
  let stageRefused = false;
  if (stage && (stage.kind === 'remote' || stage.kind === 'conflict_remote_wins' || (importing && stage.kind === 'same'))) {
    const result = applyStage(handoff, stage, template, input, deal, input.now, importing);
    handoff = result.handoff;
    events.push(...result.events);
    newBase[PROP.stage] = result.baseStage;
    stageRefused = result.exception !== null || result.baseStage !== stage.remote;
    if (result.exception) exceptions.push({ handoffId: handoff.id, exception: result.exception });
    if (result.problem) problems.push({ dealId: deal.dealId, handoffId: start.id, message: result.problem });
  }
  const contentChanged = canonicalJson(handoff) !== canonicalJson(start);
  // Linking the deal id is sync bookkeeping, not a change: as in the push ack, it bumps no version and records no event.
  if (handoff.client.hubspotDealId !== deal.dealId) handoff = { ...handoff, client: { ...handoff.client, hubspotDealId: deal.dealId } };

  const conflicts: MergeDecision[] = [];
  if (!importing) {
    for (const outcome of outcomes.filter(isConflict)) {
      if (isBatonOwned(outcome.name, template) && outcome.name !== PROP.stage) continue;
      if (outcome.name === PROP.stage && stageRefused) continue;
      const event = mergeDecisionEvent(handoff, outcome, input.now);
      events.push(event);
      conflicts.push({
        handoffId: handoff.id,
        dealId: deal.dealId,
        property: outcome.name,
        winner: outcome.kind === 'conflict_local_wins' ? 'local' : 'remote',
        winningValue: outcome.winner,
        losingValue: outcome.kind === 'conflict_local_wins' ? outcome.remote : outcome.local,
        localAt: outcome.localAt,
        remoteAt: outcome.remoteAt,
        eventId: event.id,
      });
    }
  }

  // Every recorded change counts once: the version grows by the events this merge records (history length == version).
  if (!importing) handoff = { ...handoff, ...(contentChanged ? { updatedAt: input.now } : {}), version: start.version + events.length };
  if (importing) {
    events.unshift({
      id: stableId('evt', handoff.id, 'created', deal.dealId),
      handoffId: handoff.id,
      kind: 'created',
      actor: HUBSPOT_ACTOR,
      at: input.now,
      field: null,
      before: null,
      after: null,
      summary: `Imported from HubSpot deal ${deal.dealId}`,
    });
    handoff = { ...handoff, version: events.length };
  }
  const parsed = HandoffSchema.safeParse(handoff);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ...EMPTY,
      problems: [...problems, { dealId: deal.dealId, handoffId: start.id, message: `Deal ${deal.dealId} could not be merged: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}.` }],
    };
  }
  const handoffChanged = canonicalJson(handoff) !== canonicalJson(start);
  const baseChanged = canonicalJson(newBase) !== canonicalJson(local.base);
  if (!importing && !handoffChanged && !baseChanged) return { ...EMPTY, problems };
  return {
    write: { handoff: parsed.data, events, newBase, dealId: deal.dealId, created: importing },
    conflicts,
    exceptions,
    problems,
  };
}

/**
 * Reconcile every pulled deal. Deals are matched to handoffs by deal id, then
 * by `baton_id`. Applying the same pull to its own result changes nothing.
 */
export function reconcile(input: ReconcileInput): ReconcileOutput {
  const byId = new Map(input.locals.map((l) => [l.handoff.id, l]));
  const byDeal = new Map<string, string>();
  for (const l of input.locals) if (l.handoff.client.hubspotDealId) byDeal.set(l.handoff.client.hubspotDealId, l.handoff.id);
  const out: ReconcileOutput = { writes: [], conflicts: [], exceptions: [], problems: [] };
  const writeIndex = new Map<string, number>();

  for (const deal of input.deals) {
    const id = byDeal.get(deal.dealId) ?? (deal.batonId !== null && byId.has(deal.batonId) ? deal.batonId : null);
    const local = id === null ? null : (byId.get(id) ?? null);
    const result = reconcileDeal(deal, local, input);
    out.conflicts.push(...result.conflicts);
    out.exceptions.push(...result.exceptions);
    out.problems.push(...result.problems);
    if (!result.write) continue;
    // A write by today's property merge gets recipes too, so the next record this desktop writes carries it.
    const write: HandoffWrite = result.write.log
      ? result.write
      : { ...result.write, log: appendDerived(local?.log ?? [], result.write.created ? null : (local?.handoff ?? null), result.write.handoff, result.write.events) };
    // A later record of the same deal in this pull merges against the earlier result.
    byId.set(write.handoff.id, { handoff: write.handoff, base: write.newBase, localEditTimes: local?.localEditTimes, log: write.log });
    byDeal.set(write.dealId, write.handoff.id);
    const index = writeIndex.get(write.handoff.id);
    if (index === undefined) {
      writeIndex.set(write.handoff.id, out.writes.length);
      out.writes.push(write);
    } else {
      const earlier = out.writes[index];
      const replace = write.replaceHistory === true;
      out.writes[index] = { ...write, events: replace ? write.events : [...(earlier?.events ?? []), ...write.events], created: earlier?.created ?? write.created, replaceHistory: replace || earlier?.replaceHistory === true };
    }
  }
  return out;
}
