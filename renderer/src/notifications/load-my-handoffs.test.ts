import { loadMyHandoffs } from './use-notification-detector';
import { dbWithTemplates, makeHandoff } from '../../../test/support/db-fixtures';

describe('loadMyHandoffs', () => {
  it("reads the user's open handoffs, sent or received, once each, and none of their finished ones", async () => {
    const db = await dbWithTemplates();
    await db.handoffs.bulkAdd([
      makeHandoff({ id: 'sent-open', sender: 'maya', receiver: 'li', state: 'READY_FOR_HANDOFF' }),
      makeHandoff({ id: 'received-open', sender: 'li', receiver: 'maya', state: 'IN_HANDOFF' }),
      makeHandoff({ id: 'both', sender: 'maya', receiver: 'maya', state: 'IN_PROGRESS' }),
      makeHandoff({ id: 'sent-done', sender: 'maya', receiver: 'li', state: 'HANDOFF_DONE' }),
      makeHandoff({ id: 'received-done', sender: 'li', receiver: 'maya', state: 'HANDOFF_DONE' }),
      makeHandoff({ id: 'someone-else', sender: 'li', receiver: 'sam', state: 'IN_HANDOFF' }),
      makeHandoff({ id: 'no-receiver', sender: 'sam', receiver: null, state: 'IN_PROGRESS' }),
    ]);
    const mine = await loadMyHandoffs(db, 'maya');
    expect(mine.user).toBe('maya');
    expect(mine.handoffs.map((handoff) => handoff.id).sort()).toEqual(['both', 'received-open', 'sent-open']);
    expect(mine.templates.map((template) => template.id)).toEqual(['tpl-design-dev']);
    db.close();
  });
});
