import { describe, expect, it } from 'vitest';
import { makeHandoff } from '../../shared/domain/fixtures';
import type { HandoffEvent } from '../../shared/domain/history';
import type { OutboxEntry } from '../../shared/sync/outbox';
import { NOTE_BODY_LIMIT, noteMarker, timelineNote } from './timeline-notes';

const READABLE = {
  people: [
    { id: '100001', name: 'Ada Lovelace' },
    { id: '100002', name: 'Grace Hopper' },
  ],
  timeZone: 'Europe/Berlin',
};
const NOW = '2026-12-09T12:00:00.000Z';

function entry(kind: OutboxEntry['kind'], refId: string | null = null): OutboxEntry {
  return { id: `ob-${kind}`, seq: 1, handoffId: 'h-1', kind, refId, createdAt: NOW, attempts: 0, lastError: null, status: 'pending' };
}

function event(kind: HandoffEvent['kind'], actor: string, at: string, after: unknown = null): HandoffEvent {
  return { id: `e-${kind}-${at}`, handoffId: 'h-1', kind, actor, at, field: null, before: null, after, summary: '' };
}

function body(result: ReturnType<typeof timelineNote>): string {
  if (!('body' in result)) throw new Error(JSON.stringify(result));
  return result.body;
}

describe('the deal timeline a HubSpot user reads', () => {
  const handoff = makeHandoff({
    id: 'h-1',
    title: 'Checkout <redesign>',
    sender: '100001',
    receiver: '100002',
    links: [
      { id: 'l-1', label: 'Brief', url: 'https://example.com/brief', addedAt: NOW, addedBy: '100001' },
      { id: 'l-2', label: '', url: 'https://example.com/figma?a=1&b=2', addedAt: NOW, addedBy: '100001' },
    ],
    nextAction: { text: 'First test pass', dueAt: '2026-12-24T09:00:00.000Z' },
    openQuestions: [{ id: 'q-1', text: 'Which payment providers?', askedBy: '100002', askedAt: '2026-12-09T09:30:00.000Z', resolvedAt: null }],
  });

  it('a bounce names who bounced it, when (in the workspace zone) and the reason, marked by its question', () => {
    const note = timelineNote(entry('log_bounce', 'q-1'), handoff, [event('bounced', '100002', '2026-12-09T09:30:00.000Z')], READABLE, NOW);
    const text = body(note);
    expect(text).toContain('<strong>Bounced back</strong> by Grace Hopper, Wed 9 Dec, 10:30');
    expect(text).toContain('Reason: Which payment providers?');
    expect(text).toContain('Checkout &lt;redesign&gt;');
    expect(text).toContain(noteMarker('q-1'));
    expect(note).toMatchObject({ at: '2026-12-09T09:30:00.000Z' });
    expect(text).not.toContain('100002');
  });

  it('a bounce the merge did not keep logs nothing', () => {
    expect(timelineNote(entry('log_bounce', 'q-gone'), handoff, [], READABLE, NOW)).toEqual({ skip: expect.any(String) });
  });

  it('a hand-over lists every context link as "label — url" and the next action in local time', () => {
    const handedOver = event('transition', '100001', '2026-12-09T08:00:00.000Z', 'IN_HANDOFF');
    const text = body(timelineNote(entry('log_hand_over'), handoff, [handedOver], READABLE, NOW));
    expect(text).toContain('<strong>Handed over</strong> to Grace Hopper by Ada Lovelace, Wed 9 Dec, 09:00');
    expect(text).toContain('<p>Brief — https://example.com/brief</p>');
    expect(text).toContain('<p>Link — https://example.com/figma?a=1&amp;b=2</p>');
    expect(text).toContain('Next action: First test pass, due Thu 24 Dec, 10:00.');
    expect(text).toContain(noteMarker('ob-log_hand_over'));
  });

  it('an acceptance names the acceptor (and for whom) at the time of the act', () => {
    const accepted = { ...event('accepted', '100001', '2026-12-09T11:15:00.000Z'), onBehalfOf: { person: '100002', reason: 'Grace is on leave' } };
    const note = timelineNote(entry('log_handoff_receipt'), handoff, [accepted], READABLE, NOW);
    expect(body(note)).toContain('<strong>Handoff accepted</strong> by Ada Lovelace on behalf of Grace Hopper (Grace is on leave), Wed 9 Dec, 12:15');
    expect(note).toMatchObject({ at: '2026-12-09T11:15:00.000Z' });
  });

  it('a person not in People is not shown as an id', () => {
    const stranger = { ...handoff, openQuestions: [{ id: 'q-1', text: 'Why?', askedBy: '999999', askedAt: NOW, resolvedAt: null }] };
    const text = body(timelineNote(entry('log_bounce', 'q-1'), stranger, [], READABLE, NOW));
    expect(text).toContain('by someone not in People');
    expect(text).not.toContain('999999');
  });

  it('stays within HubSpot\'s note limit, keeping the marker', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ id: `l-${i}`, label: 'x'.repeat(200), url: `https://example.com/${'p'.repeat(1900)}${i}`, addedAt: NOW, addedBy: '100001' }));
    const text = body(timelineNote(entry('log_hand_over'), { ...handoff, links: many }, [], READABLE, NOW));
    expect(text.length).toBeLessThanOrEqual(NOTE_BODY_LIMIT);
    expect(text).toContain('shortened');
    expect(text).toContain(noteMarker('ob-log_hand_over'));
  });
});
