import { memo } from 'react';
import type { Handoff } from '../../../shared/domain/handoff';
import type { Template } from '../../../shared/domain/template';
import type { WorkspaceSettings } from '../../../shared/domain/settings';
import { relativeTime, formatDateTime } from '../ui/time';
import { cardFace } from './card-face';

export interface HandoffCardProps {
  handoff: Handoff;
  template: Template | undefined;
  settings: WorkspaceSettings;
  currentUser: string;
  timeZone: string;
  ownerName: (id: string | null) => string;
  /** Minute-resolution clock so relative times and SLA badges refresh without re-rendering on every tick. */
  nowMinute: number;
  onOpen: (id: string) => void;
  onMenu: (id: string) => void;
  onAccept: (id: string) => void;
  onBounce: (id: string) => void;
  overlay?: boolean;
}

/** The card face: everything a PM needs to decide what to do next, without opening it. */
function HandoffCardBody(props: HandoffCardProps) {
  const { handoff, template, settings, currentUser, timeZone, ownerName, nowMinute } = props;
  const now = new Date(nowMinute);
  const face = cardFace(handoff, template, settings, now);
  const awaitingMe = handoff.state === 'IN_HANDOFF' && handoff.receiver === currentUser && !handoff.archivedAt;
  return (
    <>
      <div className="card-title">{handoff.title}</div>
      <div className="card-meta">
        <span>{handoff.client.name}</span>
        {handoff.archivedAt ? <span className="chip">Archived</span> : null}
      </div>
      <div className="card-people">
        {ownerName(handoff.sender)} → {ownerName(handoff.receiver)}
      </div>
      {handoff.nextAction ? (
        <div className="card-next">
          <span>{handoff.nextAction.text}</span>
          <span
            className={`due ${face.overdue ? 'overdue' : ''}`}
            title={formatDateTime(handoff.nextAction.dueAt, timeZone)}
          >
            {face.overdue ? 'overdue, ' : 'due '}
            {relativeTime(handoff.nextAction.dueAt, now)}
          </span>
        </div>
      ) : (
        <div className="card-next muted">No next action</div>
      )}
      <div className="card-badges">
        {face.readiness ? (
          <span
            className={`readiness ${face.readiness.ready ? 'ready' : ''}`}
            title={`${face.readiness.met} of ${face.readiness.total} proofs for “${face.readiness.gateLabel}”`}
          >
            <span className="readiness-bar" aria-hidden="true">
              <span style={{ width: `${face.readiness.total === 0 ? 100 : (face.readiness.met / face.readiness.total) * 100}%` }} />
            </span>
            <span>
              {face.readiness.met}/{face.readiness.total}
              <span className="visually-hidden"> proofs met for {face.readiness.gateLabel}</span>
            </span>
          </span>
        ) : null}
        {face.openExceptions > 0 ? (
          <span className="chip chip-danger">
            ⚠ {face.openExceptions} exception{face.openExceptions === 1 ? '' : 's'}
          </span>
        ) : null}
        {face.sla ? <span className={`chip ${face.sla.breached ? 'chip-danger' : 'chip-warning'}`}>{face.sla.label}</span> : null}
        {face.openQuestions > 0 ? (
          <span className="chip chip-warning">
            ? {face.openQuestions} open question{face.openQuestions === 1 ? '' : 's'}
          </span>
        ) : null}
        {handoff.bounceCount > 0 ? (
          <span className="chip" title="Times this handoff was bounced back">
            ↩ {handoff.bounceCount} bounce{handoff.bounceCount === 1 ? '' : 's'}
          </span>
        ) : null}
      </div>
      {awaitingMe && !props.overlay ? (
        <div className="card-actions">
          <button
            type="button"
            className="btn btn-sm btn-primary"
            onPointerDown={(event) => event.stopPropagation()}
            onKeyDown={(event) => event.stopPropagation()}
            onClick={(event) => {
              event.stopPropagation();
              props.onAccept(handoff.id);
            }}
          >
            Accept
          </button>
          <button
            type="button"
            className="btn btn-sm"
            onPointerDown={(event) => event.stopPropagation()}
            onKeyDown={(event) => event.stopPropagation()}
            onClick={(event) => {
              event.stopPropagation();
              props.onBounce(handoff.id);
            }}
          >
            Bounce back
          </button>
        </div>
      ) : null}
      {props.overlay ? null : (
        <button
          type="button"
          className="btn btn-sm btn-ghost btn-icon card-menu-btn"
          aria-label={`Actions for ${handoff.title}`}
          aria-haspopup="dialog"
          onPointerDown={(event) => event.stopPropagation()}
          onKeyDown={(event) => event.stopPropagation()}
          onClick={(event) => {
            event.stopPropagation();
            props.onMenu(handoff.id);
          }}
        >
          ⋯
        </button>
      )}
    </>
  );
}

/**
 * Re-rendering every card on every pointer move is what makes big boards lag, so the
 * body only re-renders when the record changed (id+version) or a shared input changed.
 */
export const HandoffCardContent = memo(
  HandoffCardBody,
  (prev, next) =>
    prev.handoff.id === next.handoff.id &&
    prev.handoff.version === next.handoff.version &&
    prev.template === next.template &&
    prev.settings === next.settings &&
    prev.currentUser === next.currentUser &&
    prev.nowMinute === next.nowMinute &&
    prev.overlay === next.overlay,
);
