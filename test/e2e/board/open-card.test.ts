import { storedHandoff } from '../support/baton-idb';
import { card, cardIn, closeDrawer, drawer } from '../support/board-page';
import { useBoardSession } from '../support/board-session';
import { createHandoffReadyToHandOver } from '../support/handoff-flows';

describe('opening a card', () => {
  const session = useBoardSession();

  it('a plain mouse click on a card opens its details (a click is not a drag and writes nothing)', async () => {
    const { page } = session.app();
    const handoff = await createHandoffReadyToHandOver(page, 'Size guide QA', 'Fjord Coffee');
    const before = await storedHandoff(page, handoff.id);

    await card(page, handoff.title, handoff.client).getByText(handoff.title, { exact: true }).click();

    await drawer(page, handoff.title).waitFor();
    await closeDrawer(page, handoff.title);
    await cardIn(page, 'IN_PROGRESS', handoff.title, handoff.client).waitFor();
    expect(await storedHandoff(page, handoff.id)).toEqual(before);
  });
});
