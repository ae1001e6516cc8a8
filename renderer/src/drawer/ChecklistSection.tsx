import type { Handoff } from '../../../shared/domain/handoff';
import { AddTextForm } from './AddTextForm';
import { newRecordId, useCommand } from '../data/use-command';

/** The handoff's own to-do list, separate from the template's criteria. */
export function ChecklistSection({ handoff }: { handoff: Handoff }) {
  const run = useCommand(handoff.id);
  return (
    <section className="section" aria-labelledby="checklist-heading">
      <h3 id="checklist-heading">Checklist</h3>
      <ul className="list">
        {handoff.checklist.map((item) => (
          <li key={item.id} className="list-item">
            <label className="checkbox-row grow">
              <input
                type="checkbox"
                checked={item.done}
                onChange={(event) => void run({ type: 'toggle_checklist_item', itemId: item.id, done: event.target.checked })}
              />
              <span style={item.done ? { textDecoration: 'line-through', color: 'var(--text-muted)' } : undefined}>{item.text}</span>
            </label>
            <button
              type="button"
              className="btn btn-sm btn-ghost"
              aria-label={`Remove checklist item ${item.text}`}
              onClick={() => void run({ type: 'remove_checklist_item', itemId: item.id }, { success: 'Checklist item removed' })}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <AddTextForm
        label="New checklist item"
        button="Add item"
        placeholder="Add a checklist item"
        emptyMessage="A checklist item needs text."
        onAdd={async (text) => {
          const outcome = await run({ type: 'add_checklist_item', id: newRecordId(), text }, { quiet: true });
          return outcome.ok ? null : outcome.error.message;
        }}
      />
    </section>
  );
}
