import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { runCommand } from '../data/commands';
import { withoutLatestFlag } from '../data/db';
import { useDb } from '../data/db-context';
import { useSettings } from '../data/queries';
import { holdsValue, mergeDecisionOf, revertCommand, type MergeDecisionView, type MergeSide } from './revert-merge';
import { personName } from '../../../shared/domain/people';
import type { Owner } from '../../../shared/domain/settings';
import { PROP } from '../../../shared/hubspot/properties';

const MAX_LISTED = 50;

interface Row {
  decision: MergeDecisionView;
  title: string;
  /** The command that restores the losing value; null when it must be fixed by hand or is already back. */
  revert: ReturnType<typeof revertCommand>;
  restored: boolean;
}

/** Whose value it was: the person, when two desktops set it; else the system. */
function sideName(side: MergeSide, people: readonly Owner[] | undefined): string {
  if (side.by !== undefined) return personName(side.by, people);
  return side.side === 'baton' ? 'Baton' : 'HubSpot';
}

/** A value as people read it: owner fields show the person's name. */
function shownValue(property: string, value: string | null, people: readonly Owner[] | undefined): string {
  if (property === PROP.sender || property === PROP.receiver) return personName(value, people);
  return JSON.stringify(value);
}

/**
 * Fields Baton and HubSpot both changed, with the value that won and the one
 * kept for review; "Revert" puts the losing value back as a normal recorded
 * change (so it syncs to HubSpot like any edit).
 */
export function MergeDecisionsList({ handoffId }: { handoffId?: string }) {
  const db = useDb();
  const settings = useSettings();
  const people = settings?.owners;
  const [error, setError] = useState<string | null>(null);
  const rows = useLiveQuery(async (): Promise<Row[]> => {
    const events = handoffId === undefined ? await db.events.orderBy('at').reverse().filter((e) => e.kind === 'merge_decision').limit(MAX_LISTED).toArray() : await db.events.where('handoffId').equals(handoffId).filter((e) => e.kind === 'merge_decision').toArray();
    const out: Row[] = [];
    for (const event of events.sort((a, b) => b.at.localeCompare(a.at))) {
      const decision = mergeDecisionOf(event);
      const handoff = await db.handoffs.get(event.handoffId);
      if (!decision || !handoff) continue;
      const stored = await db.templates.get([handoff.templateId, handoff.templateVersion]);
      const template = stored ? withoutLatestFlag(stored) : null;
      const restored = template !== null && holdsValue(handoff, template, decision.property, decision.loser.value);
      out.push({ decision, title: handoff.title, revert: template && !restored ? revertCommand(handoff, template, decision.property, decision.loser.value) : null, restored });
    }
    return out;
  }, [db, handoffId]);

  if (rows === undefined) return null;
  return (
    <section aria-label="Merge decisions">
      {rows.length === 0 ? <p className="muted">No field was changed in two places at the same time.</p> : null}
      <ul className="list">
        {rows.map(({ decision, title, revert, restored }) => (
          <li key={decision.event.id} className="list-item">
            <div className="grow">
              <strong>{title}</strong> · <code>{decision.property}</code>
              <div className="muted">
                Kept {sideName(decision.winner, people)}’s {shownValue(decision.property, decision.winner.value, people)}; {sideName(decision.loser, people)}’s{' '}
                {shownValue(decision.property, decision.loser.value, people)} was set aside.
              </div>
            </div>
            {restored ? (
              <span className="chip">Restored</span>
            ) : revert ? (
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setError(null);
                  void runCommand(db, decision.event.handoffId, revert, settings?.currentUser ?? 'local-user').then((outcome) => {
                    if (!outcome.ok) setError(outcome.error.message);
                  });
                }}
              >
                Revert to {shownValue(decision.property, decision.loser.value, people)}
              </button>
            ) : (
              <span className="muted">Change it by hand to restore</span>
            )}
          </li>
        ))}
      </ul>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
