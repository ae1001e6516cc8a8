import { useUi } from '../store/ui-store';
import { Dialog } from '../ui/Dialog';
import { SHORTCUTS } from './shortcut-list';

/** The `?` overlay: what a handoff is and every shortcut. */
export function HelpDialog() {
  const close = useUi((s) => s.closeDialog);
  return (
    <Dialog title="Keyboard shortcuts" onClose={close} description="A handoff is work passing from one person to the next. It moves right only when the proof for the next gate is complete.">
      <table className="shortcut-table" style={{ marginTop: 12 }}>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.keys.join('+') + shortcut.description}>
              <td style={{ width: 140 }}>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 ? ' + ' : ''}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" onClick={close}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
