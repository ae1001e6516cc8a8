import type { PullResult } from '../../../shared/sync/protocol';
import type { SetupChoice, SetupOptions } from '../../../shared/hubspot/setup';
import { linkedPortalNumber } from '../../../shared/sync/portal-link';
import type { ReconcileProblem } from '../../../shared/sync/reconcile';
import type { BatonDb } from '../data/db';
import { toDataError } from '../data/data-errors';
import { commitAcks, failUnpushable } from './commit-acks';
import { commitPull, type PullCommitSummary } from './commit-pull';
import { loadSettings } from '../data/settings';
import { arrivedCandidates } from '../notifications/arrived-notifications';
import { recordNotifications } from '../notifications/notification-store';
import { loadLocalTemplates, type LocalTemplates } from './local-templates';
import { chunk, HANDOFFS_PER_PUSH, pendingGroups, prepareBatch } from './push-batches';
import { SETUP_NEEDED_MESSAGE, SyncRunAbort, valueOrAbort, type SyncApi, type SyncRunError, type SyncRunPhase } from './sync-api';
import { readCursor, readString, SYNC_META } from './sync-meta';
import { teamPushed, teamToPush } from './commit-team';
import { TEAM_RECORD_ID } from '../../../shared/sync/team-carrier';

export interface SyncRunSummary {
  provisioned: boolean;
  pulled: number;
  imported: number;
  updated: number;
  mergeDecisions: number;
  exceptions: number;
  pushed: number;
  retried: number;
  failed: number;
  /** Deals that could not be merged; they are reported, the rest of the run goes on. */
  problems: ReconcileProblem[];
}

export type SyncRunOutcome = { ok: true; summary: SyncRunSummary } | { ok: false; error: SyncRunError; summary: SyncRunSummary };

export interface SyncRunOptions {
  now?: () => Date;
  /** Phase changes and progress (`done` of `total`, total null when unknown). */
  onPhase?: (phase: SyncRunPhase, done: number, total: number | null) => void;
  /** Provision even when the templates did not change (the "Set up HubSpot" button). */
  forceProvision?: boolean;
}

function emptySummary(): SyncRunSummary {
  return { provisioned: false, pulled: 0, imported: 0, updated: 0, mergeDecisions: 0, exceptions: 0, pushed: 0, retried: 0, failed: 0, problems: [] };
}

/**
 * The portal the workspace's deal ids belong to, sent with every pull and push
 * so the host refuses a token of another portal. None recorded: no check (the
 * scheduler records one on connect). A damaged record stops the run: which
 * portal the links belong to is unknown, so nothing may be sent anywhere.
 */
async function linkedPortal(db: BatonDb, phase: SyncRunPhase): Promise<{ portalId?: number }> {
  const linked = await readString(db.syncMeta, SYNC_META.portalId);
  if (linked === null) return {};
  const portalId = linkedPortalNumber(linked);
  if (portalId === null) {
    throw new SyncRunAbort({ code: 'PORTAL_MISMATCH', message: `The HubSpot account this workspace is linked to is recorded as "${linked.slice(0, 40)}", which is not an account id; reconnect HubSpot in Settings and confirm the account.`, phase });
  }
  return { portalId };
}

/**
 * Sets HubSpot up for Baton (idempotent) and remembers which templates it
 * covered. `choice` is the setup screen's (record type, own or mapped
 * pipeline); without one the host keeps the setup in use.
 */
export async function provisionHubSpot(db: BatonDb, api: SyncApi, templates: LocalTemplates, choice?: SetupChoice) {
  const portal = await linkedPortal(db, 'provisioning');
  const result = valueOrAbort(await api['hubspot.provision']({ templates: templates.forHost, ...portal, ...(choice ? { choice } : {}) }), 'provisioning');
  await db.syncMeta.put({ key: SYNC_META.provisionedFor, value: templates.fingerprint });
  return result;
}

/** What the setup screen can offer in the linked portal. */
export async function hubSpotSetupOptions(db: BatonDb, api: SyncApi): Promise<SetupOptions> {
  const portal = await linkedPortal(db, 'provisioning');
  return valueOrAbort(await api['hubspot.setupOptions']({ ...portal }), 'provisioning');
}

/**
 * Provisioning a sync does on its own keeps the setup in use. When the portal
 * has none yet (no `baton_setup` marker, no earlier "Handoffs" deal pipeline),
 * the person has not chosen where handoffs live: nothing is set up, pulled or
 * pushed until the setup screen's choice provisions (SETUP_NEEDED).
 */
async function provisionSetUp(db: BatonDb, api: SyncApi, templates: LocalTemplates): Promise<void> {
  const options = await hubSpotSetupOptions(db, api);
  if (options.current === null) throw new SyncRunAbort({ code: 'SETUP_NEEDED', message: SETUP_NEEDED_MESSAGE, phase: 'provisioning' });
  await provisionHubSpot(db, api, templates);
}

async function pull(db: BatonDb, api: SyncApi, templates: LocalTemplates, portal: { portalId?: number }): Promise<PullResult | { notProvisioned: true }> {
  const cursor = await readCursor(db.syncMeta);
  const knownDealIds = (await db.syncState.toArray()).flatMap((row) => (row.dealId === null ? [] : [row.dealId]));
  const result = await api['sync.pull']({ cursor, knownDealIds, templates: templates.forHost, ...portal });
  if (!result.ok && result.error.code === 'NOT_PROVISIONED') return { notProvisioned: true };
  return valueOrAbort(result, 'pulling');
}

/**
 * Writes the team record (templates and roles) when this desktop holds
 * versions or acts HubSpot's lacks. A refusal (too large) is reported as a
 * problem; a transient failure waits for the next run, losing nothing.
 */
async function pushTeam(db: BatonDb, api: SyncApi, portal: { portalId?: number }, summary: SyncRunSummary): Promise<void> {
  const team = await teamToPush(db);
  if (team === null) return;
  const result = valueOrAbort(await api['sync.push']({ items: [], team, ...portal }), 'pushing');
  if (result.team?.status === 'ok') await teamPushed(db, team);
  else if (result.team?.status === 'failed') summary.problems.push({ dealId: TEAM_RECORD_ID, handoffId: null, message: result.team.error.message });
  else if (result.team?.status === 'retry') summary.retried += 1;
}

/** Tells me what colleagues did on my handoffs on their desktops (an acceptance, by whom). */
async function notifyArrived(db: BatonDb, arrived: PullCommitSummary['arrived'], now: Date): Promise<void> {
  if (arrived.length === 0) return;
  const candidates = arrivedCandidates(arrived, await loadSettings(db));
  if (candidates.length > 0) await recordNotifications(db, candidates, now);
}

/**
 * One sync run: provision (first time, or when templates changed) → pull →
 * reconcile and commit in one transaction (with the new cursor) → push the
 * outbox per handoff in batches → commit each batch's acks in one transaction.
 *
 * Every step is safe to cut short: the cursor moves only with the merged data,
 * and the outbox is cleared only by acks, so a page that dies anywhere loses
 * nothing and the next run pushes what is still queued (upserts are keyed by
 * `baton_id` in HubSpot, so a repeat never duplicates a deal).
 */
export async function runSync(db: BatonDb, api: SyncApi, options: SyncRunOptions = {}): Promise<SyncRunOutcome> {
  const now = options.now ?? (() => new Date());
  const onPhase = options.onPhase ?? (() => undefined);
  const summary = emptySummary();
  let phase: SyncRunPhase = 'provisioning';
  try {
    const portal = await linkedPortal(db, 'pulling');
    const templates = await loadLocalTemplates(db);
    const provisionedFor = await readString(db.syncMeta, SYNC_META.provisionedFor);
    if (options.forceProvision || provisionedFor !== templates.fingerprint) {
      onPhase('provisioning', 0, null);
      await provisionSetUp(db, api, templates);
      summary.provisioned = true;
    }

    phase = 'pulling';
    onPhase('pulling', 0, null);
    let pulled = await pull(db, api, templates, portal);
    if ('notProvisioned' in pulled) {
      // HubSpot was reset or set up elsewhere since we last provisioned.
      phase = 'provisioning';
      onPhase('provisioning', 0, null);
      await provisionSetUp(db, api, templates);
      summary.provisioned = true;
      phase = 'pulling';
      pulled = await pull(db, api, templates, portal);
      if ('notProvisioned' in pulled) throw new SyncRunAbort({ code: 'NOT_PROVISIONED', message: 'HubSpot is still not set up for Baton after provisioning.', phase });
    }

    phase = 'merging';
    onPhase('merging', 0, pulled.deals.length);
    const merged = await commitPull(db, pulled, templates.all, templates.defaultTemplate, now());
    await notifyArrived(db, merged.arrived, now());
    Object.assign(summary, { pulled: merged.pulled, imported: merged.imported, updated: merged.updated, mergeDecisions: merged.mergeDecisions, exceptions: merged.exceptions, problems: merged.problems });

    phase = 'pushing';
    const batches = chunk(await pendingGroups(db), HANDOFFS_PER_PUSH);
    // The deal's timeline notes name people as this workspace does and tell times in its zone.
    const settings = await loadSettings(db);
    const readable = { people: settings.owners, timeZone: settings.workingHours.timeZone };
    const total = batches.reduce((n, batch) => n + batch.length, 0);
    let done = 0;
    onPhase('pushing', 0, total);
    for (const groups of batches) {
      const prepared = await prepareBatch(db, groups);
      summary.failed += await failUnpushable(db, prepared.unpushable);
      if (prepared.items.length > 0) {
        const result = valueOrAbort(await api['sync.push']({ items: prepared.items.map((p) => p.item), readable, ...portal }), 'pushing');
        phase = 'saving';
        const acks = await commitAcks(db, prepared.items, result.acks, now());
        phase = 'pushing';
        summary.pushed += acks.pushed;
        summary.retried += acks.retried;
        summary.failed += acks.failed;
      }
      done += groups.length;
      onPhase('pushing', done, total);
    }
    await pushTeam(db, api, portal, summary);
    return { ok: true, summary };
  } catch (error) {
    if (error instanceof SyncRunAbort) return { ok: false, error: error.error, summary };
    const data = toDataError(error);
    return { ok: false, error: { code: data.code, message: data.message, phase }, summary };
  }
}
