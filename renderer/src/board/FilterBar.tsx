import { useMemo } from 'react';
import { useTemplates } from '../data/queries';
import { EMPTY_FILTER, useUi, type FilterState } from '../store/ui-store';

type ToggleKey = { [K in keyof FilterState]: FilterState[K] extends boolean ? K : never }[keyof FilterState];

const TOGGLES: { key: ToggleKey; label: string }[] = [
  { key: 'mine', label: 'Mine' },
  { key: 'awaitingMyAcceptance', label: 'Awaiting my acceptance' },
  { key: 'stalled', label: 'Stalled' },
  { key: 'withExceptions', label: 'With exceptions' },
  { key: 'archived', label: 'Show archived' },
];

/** Filter chips and pickers; the board query applies them. */
export function FilterBar({ clients }: { clients: string[] }) {
  const filter = useUi((s) => s.filter);
  const setFilter = useUi((s) => s.setFilter);
  const reset = useUi((s) => s.resetFilter);
  const swimlanes = useUi((s) => s.swimlanes);
  const setSwimlanes = useUi((s) => s.setSwimlanes);
  const templates = useTemplates();
  const active = useMemo(() => JSON.stringify(filter) !== JSON.stringify(EMPTY_FILTER), [filter]);

  return (
    <div className="filterbar" role="toolbar" aria-label="Filters">
      {TOGGLES.map((toggle) => (
        <button
          key={toggle.key}
          type="button"
          className="toggle"
          aria-pressed={filter[toggle.key]}
          onClick={() => setFilter({ [toggle.key]: !filter[toggle.key] })}
        >
          {toggle.label}
        </button>
      ))}
      <select className="select" aria-label="Filter by client" value={filter.clientName} onChange={(e) => setFilter({ clientName: e.target.value })}>
        <option value="">All clients</option>
        {clients.map((client) => (
          <option key={client} value={client}>
            {client}
          </option>
        ))}
      </select>
      <select className="select" aria-label="Filter by template" value={filter.templateId} onChange={(e) => setFilter({ templateId: e.target.value })}>
        <option value="">All templates</option>
        {(templates ?? []).map((template) => (
          <option key={template.id} value={template.id}>
            {template.name}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label="Swimlanes"
        value={swimlanes}
        onChange={(e) => setSwimlanes(e.target.value === 'client' ? 'client' : e.target.value === 'template' ? 'template' : 'none')}
      >
        <option value="none">No swimlanes</option>
        <option value="client">Swimlanes by client</option>
        <option value="template">Swimlanes by template</option>
      </select>
      {active ? (
        <button type="button" className="btn btn-sm btn-ghost" onClick={reset}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
