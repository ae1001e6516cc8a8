import { DEFAULT_SETTINGS, LOCAL_USER_ID } from '../../../shared/domain/settings';
import { FIXED_NOW, makeHandoff, makeTemplate } from '../../../test/support/db-fixtures';
import { indexTemplates } from '../../../shared/domain/template';
import { createNotificationJudge, notificationCandidates } from './detect-notifications';

const ME = LOCAL_USER_ID;
const settings = { ...DEFAULT_SETTINGS, owners: [...DEFAULT_SETTINGS.owners, { id: 'maya', name: 'Maya Chen' }] };
const templates = indexTemplates([makeTemplate()]).byKey;
const recent = '2026-11-24T09:30:00.000Z';

function detect(...handoffs: Parameters<typeof makeHandoff>[0][]) {
  return notificationCandidates(handoffs.map((overrides) => makeHandoff(overrides)), templates, settings, FIXED_NOW);
}

describe('notificationCandidates', () => {
  it('announces a handoff that lands in my queue, keyed by that stay', () => {
    const [candidate, ...rest] = detect({ id: 'h-q', title: 'QA pass', state: 'IN_HANDOFF', sender: 'maya', receiver: ME, stateEnteredAt: recent });
    expect(rest).toEqual([]);
    expect(candidate).toEqual({
      key: `queue:h-q:${recent}`,
      kind: 'queue',
      handoffId: 'h-q',
      title: 'Handed to you: QA pass',
      body: 'Acme Co, from Maya Chen. Accept it, or bounce it back with what is missing.',
    });
    // Someone else's queue is not mine.
    expect(detect({ state: 'IN_HANDOFF', sender: ME, receiver: 'maya', stateEnteredAt: recent })).toEqual([]);
  });

  it('announces a bounce of a handoff I sent, with the reason', () => {
    const bounced = {
      id: 'h-b',
      title: 'Landing page',
      state: 'IN_PROGRESS' as const,
      sender: ME,
      receiver: 'maya',
      bounceCount: 1,
      stateEnteredAt: recent,
      openQuestions: [{ id: 'q1', text: 'Where are the final assets?', askedBy: 'maya', askedAt: recent, resolvedAt: null }],
    };
    expect(detect(bounced)).toEqual([expect.objectContaining({ key: `bounced:h-b:${recent}`, kind: 'bounced', body: 'Acme Co. Reason: Where are the final assets?' })]);
    // Work in progress without a fresh bounce is not news.
    expect(detect({ ...bounced, openQuestions: [] })).toEqual([]);
    // Someone else's bounce is not mine.
    expect(detect({ ...bounced, sender: 'maya' })).toEqual([]);
  });

  it('warns once per stay when a handoff I hold nears its SLA, and says when it is past it', () => {
    // IN_HANDOFF default limit 16 working hours (Mon–Fri 9–17 UTC); FIXED_NOW is Tue 24 Nov 10:00.
    // Entered Fri 20 Nov 14:00 → 3 h Fri + 8 h Mon + 1 h Tue = 12 h: below the 12.8 h warning.
    expect(detect({ id: 'h-s', state: 'IN_HANDOFF', sender: 'maya', receiver: ME, stateEnteredAt: '2026-11-20T14:00:00.000Z' }).map((c) => c.kind)).toEqual(['queue']);
    // Entered Fri 20 Nov 13:00 → 13 h of 16: warning.
    const warning = detect({ id: 'h-s', title: 'Tight', state: 'IN_HANDOFF', sender: 'maya', receiver: ME, stateEnteredAt: '2026-11-20T13:00:00.000Z' });
    expect(warning.find((c) => c.kind === 'sla')).toMatchObject({ key: 'sla:h-s:IN_HANDOFF:2026-11-20T13:00:00.000Z', title: 'Nearly past its SLA: Tight' });
    const breached = detect({ id: 'h-s', title: 'Tight', state: 'IN_HANDOFF', sender: 'maya', receiver: ME, stateEnteredAt: '2026-11-19T09:00:00.000Z' });
    expect(breached.find((c) => c.kind === 'sla')).toMatchObject({ key: 'sla:h-s:IN_HANDOFF:2026-11-19T09:00:00.000Z', title: 'Past its SLA: Tight' });
    // The sender does not hold a handed-over card, so it is not their SLA to act on.
    expect(detect({ state: 'IN_HANDOFF', sender: ME, receiver: 'maya', stateEnteredAt: '2026-11-19T09:00:00.000Z' })).toEqual([]);
  });

  it('ignores accepted and archived handoffs', () => {
    expect(detect({ state: 'HANDOFF_DONE', receiver: ME, stateEnteredAt: recent }, { state: 'IN_HANDOFF', receiver: ME, archivedAt: recent })).toEqual([]);
  });
});

describe('createNotificationJudge', () => {
  const queued = makeHandoff({ id: 'h-q', title: 'QA pass', state: 'IN_HANDOFF', sender: 'maya', receiver: ME, stateEnteredAt: recent });
  const other = makeHandoff({ id: 'h-o', title: 'Other', state: 'IN_HANDOFF', sender: 'maya', receiver: ME, stateEnteredAt: recent });

  it('finds what notificationCandidates finds, judging again only records it has not seen with the same templates, settings and minute', () => {
    const judge = createNotificationJudge();
    expect(judge([queued, other], templates, settings, FIXED_NOW)).toEqual(notificationCandidates([queued, other], templates, settings, FIXED_NOW));
    const renamed = { ...queued, title: 'QA pass, round 2' };
    const again = judge([renamed, other], templates, settings, FIXED_NOW);
    expect(again).toEqual(notificationCandidates([renamed, other], templates, settings, FIXED_NOW));
    // The unchanged record's findings are the very same objects; the changed one's are new.
    const first = judge([queued, other], templates, settings, FIXED_NOW);
    expect(again[1]).toBe(first[1]);
    expect(again[0]).not.toBe(first[0]);
  });

  it('judges everything again when the minute or the settings change', () => {
    const judge = createNotificationJudge();
    const before = judge([queued], templates, settings, FIXED_NOW);
    expect(judge([queued], templates, settings, new Date(FIXED_NOW.getTime() + 60_000))[0]).not.toBe(before[0]);
    const muted = { ...settings };
    expect(judge([queued], templates, muted, new Date(FIXED_NOW.getTime() + 60_000))).toEqual(before);
  });
});
