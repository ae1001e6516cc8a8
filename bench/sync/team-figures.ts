import { applyCommand, createHandoff } from '../../shared/domain/commands';
import type { HandoffCommand } from '../../shared/domain/command-schema';
import type { Handoff } from '../../shared/domain/handoff';
import type { CarriedEvent } from '../../shared/sync/carrier';
import { mintedIds } from '../../shared/sync/fold';
import type { PushItem } from '../../shared/sync/protocol';
import type { OutboxEntry } from '../../shared/sync/outbox';
import { reconcile } from '../../shared/sync/reconcile';
import { TEMPLATE } from '../../test/integration/sync/fixtures';
import { chunk, HANDOFFS_PER_PUSH } from '../../renderer/src/sync/push-batches';
import { figure, type Figure } from '../results-schema';
import { BENCH_RATE_LIMIT, startSyncBenchHost } from './sync-bench-host';

/**
 * Team figures: N handoffs handed over with typical context (3 links, 2 notes,
 * 1 bounce, 1 acceptance, as on the sender's and receiver's desktops) are
 * pushed with their Baton records by one sync service, then a second desktop
 * (a fresh sync service, no cursor) pulls and merges them all. Requests are
 * counted at the HubSpot fake; ratios are against the fewest the limits allow.
 */

/** The record type's and the deals' property lists, the pipeline, the owners: read once per sync service. */
const SETUP_READS = 4;
/** Client update, two hand-overs (before and after the bounce), the bounce, the acceptance. */
const NOTES_PER_HANDOFF = 5;

/** JSON with sorted keys: the fold may build a record with its keys in another order. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
    .join(',')}}`;
}

function handedOver(i: number, owner: string): { handoff: Handoff; log: CarriedEvent[] } {
  let n = 0;
  const at = (k: number) => new Date(Date.parse('2026-11-24T09:00:00.000Z') + k * 60_000).toISOString();
  const created = createHandoff(
    { title: `Handoff ${i}`, client: { name: `Client ${i % 50}`, hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id, templateVersion: 1, sender: owner },
    { template: TEMPLATE, actor: owner, now: at(0), newId: () => `h${i}-${(n += 1)}`, id: `h-${i}` },
  );
  if (!created.ok) throw new Error(created.error.message);
  let handoff = created.handoff;
  const log: CarriedEvent[] = [{ seq: 1, event: created.event, recipe: { kind: 'created' } }];
  const commands: HandoffCommand[] = [
    { type: 'add_link', link: { id: `h${i}-l1`, label: 'Brief', url: `https://example.com/${i}/brief` } },
    { type: 'add_link', link: { id: `h${i}-l2`, label: 'Designs', url: `https://example.com/${i}/designs` } },
    { type: 'add_link', link: { id: `h${i}-l3`, label: 'Copy', url: `https://example.com/${i}/copy` } },
    { type: 'add_note', id: `h${i}-n1`, body: 'Mobile first; the hero image is final.' },
    { type: 'add_note', id: `h${i}-n2`, body: 'Payment runs against the sandbox account.' },
    { type: 'set_criterion', criterionId: 'assets_ready', met: true },
    { type: 'set_hubspot_property', property: 'design_approved_by_client', value: 'true' },
    { type: 'set_receiver', receiver: owner },
    { type: 'set_next_action', nextAction: { text: 'First pass', dueAt: at(60 * 24 * 30) } },
    { type: 'log_client_update', id: `h${i}-u1`, body: 'Build starts Monday.' },
    { type: 'move', to: 'READY_FOR_HANDOFF' },
    { type: 'move', to: 'IN_HANDOFF' },
    { type: 'bounce', reason: 'Which breakpoints are in scope?' },
    { type: 'move', to: 'READY_FOR_HANDOFF' },
    { type: 'move', to: 'IN_HANDOFF' },
    { type: 'approve', criterionId: 'lead_approval' },
    { type: 'accept' },
  ];
  commands.forEach((command, k) => {
    const applied = applyCommand(handoff, command, { template: TEMPLATE, actor: owner, now: at(k + 1), newId: () => `h${i}-${(n += 1)}` });
    if (!applied.ok) throw new Error(`${command.type}: ${applied.error.message}`);
    handoff = applied.handoff;
    log.push({ seq: handoff.version, event: applied.event, recipe: { kind: 'command', command, ids: mintedIds(command, handoff, applied.event.id) } });
  });
  return { handoff, log };
}

export async function runTeamFigures(count: number, log: (line: string) => void): Promise<Figure[]> {
  const host = await startSyncBenchHost();
  try {
    const owner = host.fake.colleague.addOwner({ email: 'sam@example.com', firstName: 'Sam', lastName: 'Sender' }).id;
    const items: PushItem[] = Array.from({ length: count }, (_, i) => {
      const { handoff, log: carried } = handedOver(i, owner);
      // The record, and the deal's timeline notes the acts queue (made on the sender's and the receiver's desktop alike).
      const entry = (k: number, kind: OutboxEntry['kind'], refId: string | null = null): OutboxEntry => ({ id: `ob-${i}-${k}`, seq: i * 10 + k, handoffId: handoff.id, kind, refId, createdAt: '2026-11-24T10:00:00.000Z', attempts: 0, lastError: null, status: 'pending' });
      const question = handoff.openQuestions[0]?.id ?? null;
      const entries = [entry(0, 'upsert_handoff'), entry(1, 'log_client_update', `h${i}-u1`), entry(2, 'log_hand_over'), entry(3, 'log_bounce', question), entry(4, 'log_hand_over'), entry(5, 'log_handoff_receipt')];
      return { handoff, template: TEMPLATE, base: null, dealId: null, entries, log: carried };
    });
    // The sender's desktop pushes every handed-over handoff with its record.
    const sender = host.freshHandlers();
    host.fake.stats.reset();
    const pushStarted = performance.now();
    for (const batch of chunk(items, HANDOFFS_PER_PUSH)) {
      const { acks } = await sender['sync.push']({ items: batch });
      const failed = acks.filter((ack) => ack.status !== 'ok');
      if (failed.length > 0) throw new Error(`push: ${failed.length} not sent`);
    }
    const pushSeconds = (performance.now() - pushStarted) / 1000;
    const pushRequests = host.fake.stats.count();

    // A second desktop: first sync, no cursor, nothing local; pull and merge everything.
    const receiver = host.freshHandlers();
    host.fake.stats.reset();
    const pullStarted = performance.now();
    const pulled = await receiver['sync.pull']({ cursor: null, knownDealIds: [], templates: [TEMPLATE] });
    const merged = reconcile({ ...pulled, locals: [], templates: [], defaultTemplate: null, now: new Date().toISOString() });
    const convergeSeconds = (performance.now() - pullStarted) / 1000;
    const pullRequests = host.fake.stats.count();
    const equal = merged.writes.filter((w) => {
      const sent = items.find((item) => item.handoff.id === w.handoff.id)?.handoff;
      return sent !== undefined && canonical({ ...w.handoff, client: { ...w.handoff.client, hubspotDealId: null } }) === canonical(sent);
    }).length;
    if (equal !== count) throw new Error(`the second desktop holds ${equal} of ${count} handoffs exactly as sent (problems: ${merged.problems.slice(0, 2).map((p) => p.message).join(' | ')})`);

    // Deal writes (the record rides in them), note creates (100 per batch) and one association read per 1,000 deals (dedupe).
    // The renderer sends 100 handoffs per push call and each call reads its own deals' notes: N/100 association reads.
    const pushMinimum = Math.ceil(count / 100) + Math.ceil((NOTES_PER_HANDOFF * count) / 100) + Math.ceil(count / 1000) + SETUP_READS;
    const notes = host.fake.state.notes.length;
    if (notes !== NOTES_PER_HANDOFF * count) throw new Error(`push: ${notes} timeline notes for ${count} handoffs, expected ${NOTES_PER_HANDOFF * count}`);
    const pullMinimum = Math.ceil(count / 200);
    const minimumSeconds = pullMinimum / BENCH_RATE_LIMIT.searchPerSecond;
    log(`team: push ${pushRequests} requests in ${pushSeconds.toFixed(2)} s; second desktop ${pullRequests} requests, converged in ${convergeSeconds.toFixed(2)} s`);
    return [
      figure('sync-team-push-requests-per-handoff', pushRequests / count, 'requests', null, `${pushRequests} requests for ${count} handed-over handoffs (3 links, 2 notes, 1 bounce, 1 acceptance), records and ${NOTES_PER_HANDOFF} timeline notes each included`),
      figure('sync-team-push-requests-ratio', pushRequests / pushMinimum, 'x minimum', { op: '<=', value: 1.2 }, `minimum ${pushMinimum} = ceil(N/100) deal writes (the record rides in them) + ceil(${NOTES_PER_HANDOFF}N/100) note creates + ceil(N/1000) association reads + ${SETUP_READS} setup reads`),
      figure('sync-team-pull-requests-per-handoff', pullRequests / count, 'requests', null, `${pullRequests} requests for a first sync of ${count} handoffs on a second desktop`),
      figure('sync-team-pull-requests-ratio', pullRequests / (pullMinimum + 1), 'x minimum', { op: '<=', value: 1.5 }, `minimum ${pullMinimum} searches (ceil(N/200)) + 1 pipeline read: the record rides in the search results`),
      figure(`sync-team-converge-${count}-s`, convergeSeconds, 's', null, `pull + merge of ${count} handoffs on a second desktop (every one equal to the sender's)`),
      figure(`sync-team-converge-${count}-vs-search-minimum`, minimumSeconds / convergeSeconds, 'x search-limit minimum', { op: '>=', value: 0.5 }, `the 5/s search limit alone needs ${minimumSeconds.toFixed(1)} s`),
    ];
  } finally {
    await host.close();
  }
}
