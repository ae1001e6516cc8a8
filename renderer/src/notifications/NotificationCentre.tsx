import { useEffect, useId, useRef, useState } from 'react';
import './notifications.css';
import { useDb } from '../data/db-context';
import { useUi } from '../store/ui-store';
import { useWorkspace } from '../ui/use-workspace';
import { relativeTime } from '../ui/time';
import { markNotificationsRead, setNotificationMuted, useMuteSettings, useNotificationItems } from './notification-store';
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS, type NotificationItem } from './notification-schema';

function MuteSettingsForm() {
  const db = useDb();
  const mute = useMuteSettings();
  if (mute === undefined) return null;
  return (
    <fieldset className="notif-mute">
      <legend>Notify me about</legend>
      {NOTIFICATION_KINDS.map((kind) => (
        <label key={kind} className="checkbox-row">
          <input type="checkbox" checked={!mute[kind]} onChange={(event) => void setNotificationMuted(db, kind, !event.target.checked)} />
          {NOTIFICATION_KIND_LABELS[kind]}
        </label>
      ))}
    </fieldset>
  );
}

function NotificationRow({ item, onOpen }: { item: NotificationItem; onOpen: (item: NotificationItem) => void }) {
  const db = useDb();
  return (
    <li className={`notif-item${item.read ? '' : ' unread'}`}>
      <button type="button" className="notif-open" onClick={() => onOpen(item)}>
        <span className="notif-title">
          {item.read ? null : <span className="visually-hidden">Unread: </span>}
          {item.title}
        </span>
        <span className="notif-body">{item.body}</span>
        <span className="notif-time muted">{relativeTime(item.at, new Date())}</span>
      </button>
      {item.read ? null : (
        <button type="button" className="btn btn-ghost btn-sm" aria-label={`Mark “${item.title}” as read`} onClick={() => void markNotificationsRead(db, { ids: [item.id] })}>
          Mark read
        </button>
      )}
    </li>
  );
}

/**
 * The bell in the top bar: unread count, the list (newest first), "mark read",
 * a click that opens the card, and per-kind mute settings.
 */
export function NotificationCentre() {
  const db = useDb();
  const { currentUser, loading } = useWorkspace();
  const items = useNotificationItems(loading ? undefined : currentUser) ?? [];
  const openDrawer = useUi((s) => s.openDrawer);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const unread = items.filter((item) => !item.read).length;

  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: MouseEvent): void => {
      if (event.target instanceof Node && rootRef.current?.contains(event.target)) return;
      setOpen(false);
    };
    // Escape closes the centre wherever focus is (it is not modal, so focus may have left it).
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      setOpen(false);
      if (rootRef.current?.contains(document.activeElement) !== false) buttonRef.current?.focus();
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const openItem = (item: NotificationItem): void => {
    setOpen(false);
    openDrawer({ handoffId: item.handoffId });
    void markNotificationsRead(db, { ids: [item.id] });
  };

  return (
    <div className="notif-root" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-ghost notif-bell"
        aria-label={unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
        {unread > 0 ? (
          <span className="notif-badge" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          id={panelId}
          className="notif-panel"
          role="region"
          aria-label="Notification centre"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              setOpen(false);
              buttonRef.current?.focus();
            }
          }}
        >
          <div className="notif-head">
            <h2>Notifications</h2>
            <span className="spacer" />
            <button type="button" className="btn btn-sm" disabled={unread === 0} onClick={() => void markNotificationsRead(db, 'all')}>
              Mark all read
            </button>
          </div>
          {items.length === 0 ? (
            <p className="muted notif-empty">Nothing yet. Handoffs for you, bounces, SLA warnings and exceptions show up here.</p>
          ) : (
            <ul className="notif-list" aria-label="Notifications">
              {items.map((item) => (
                <NotificationRow key={item.id} item={item} onOpen={openItem} />
              ))}
            </ul>
          )}
          <MuteSettingsForm />
        </div>
      ) : null}
    </div>
  );
}
