import { FakeNotification, getElectronFake } from '../../test/setup/electron-fake';
import { createOsNotifier } from './os-notifier';

describe('OS notifier', () => {
  beforeEach(async () => {
    (await getElectronFake()).reset();
  });

  it('shows a notification; a click focuses the window and reports the handoff', () => {
    const focusWindow = vi.fn();
    const onClick = vi.fn();
    createOsNotifier({ focusWindow, onClick }).show({ id: '1', title: 'Handoff for you', body: 'Design → Dev', handoffId: 'h-7' });
    const shown = FakeNotification.instances[0];
    expect(shown?.options).toMatchObject({ title: 'Handoff for you', body: 'Design → Dev' });
    expect(shown?.show).toHaveBeenCalled();
    shown?.emit('click');
    expect(focusWindow).toHaveBeenCalled();
    expect(onClick).toHaveBeenCalledWith('h-7');
  });

  it('shows nothing where the OS does not support notifications', () => {
    FakeNotification.supported = false;
    const notifier = createOsNotifier({ focusWindow: vi.fn(), onClick: vi.fn() });
    expect(notifier.isSupported()).toBe(false);
    notifier.show({ id: '1', title: 't', body: 'b' });
    expect(FakeNotification.instances).toHaveLength(0);
  });
});
