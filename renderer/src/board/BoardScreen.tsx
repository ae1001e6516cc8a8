import { Board } from './Board';
import { EmptyState } from './EmptyState';
import { FilterBar } from './FilterBar';
import { useClientNames, useHasAnyHandoff } from './use-clients';

/** The board page: filters over the kanban, or the empty state for a new workspace. */
export function BoardScreen() {
  const hasAny = useHasAnyHandoff();
  const clients = useClientNames();
  if (hasAny === undefined) return <div className="board" aria-busy="true" />;
  if (!hasAny) return <EmptyState />;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}>
      <h1 className="visually-hidden">Handoff board</h1>
      <FilterBar clients={clients} />
      <Board />
    </div>
  );
}
