import { describeEvent } from '../../../shared/domain/commands';
import { formatLocalTime } from '../../../shared/domain/local-time';
import { useHandoffEvents } from '../data/queries';
import { useWorkspace } from '../ui/use-workspace';

/** Every change to this handoff, newest first: nothing is overwritten without a trace. People are names, times local. */
export function HistorySection({ handoffId }: { handoffId: string }) {
  const events = useHandoffEvents(handoffId);
  const { ownerName, timeZone, settings } = useWorkspace();
  const now = new Date();
  return (
    <section className="section" aria-labelledby="history-heading">
      <h3 id="history-heading">History</h3>
      {events === undefined ? <p className="muted">Loading…</p> : null}
      {events?.length === 0 ? <p className="muted">No changes recorded yet.</p> : null}
      {events !== undefined && events.length > 0 ? (
        // The list appears only once it is read, so nobody (a screen reader, a test) sees an empty list while it loads.
        <ol className="list" aria-label="History, newest first">
          {events.map((event) => (
            <li key={event.id} className="history-item">
              <div>{describeEvent(event, { people: settings.owners, timeZone })}</div>
              <div className="muted">
                {ownerName(event.actor)} · <time dateTime={event.at}>{formatLocalTime(event.at, timeZone, now)}</time>
              </div>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
