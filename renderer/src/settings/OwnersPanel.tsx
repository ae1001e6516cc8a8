import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from 'react';
import type { Owner, WorkspaceSettings } from '../../../shared/domain/settings';
import { ErrorLines, useSaveSettings } from './use-save-settings';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../data/db-context';
import { loadTeamActs } from '../data/team-acts';
import { roleActs } from '../../../shared/sync/team-fold';
import type { TeamAct } from '../../../shared/sync/team-carrier';
import { personName } from '../../../shared/domain/people';
import { formatLocalTime } from '../../../shared/domain/local-time';

type TeamRoleAct = Extract<TeamAct, { kind: 'role' }>;

/**
 * A field saved when it loses focus, that still shows a value which changed
 * elsewhere meanwhile (a role another desktop set arrives with sync) unless
 * the person is typing in it.
 */
function BlurSavedInput({ value, ...props }: { value: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue'>) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const input = ref.current;
    if (input && input !== document.activeElement && input.value !== value) input.value = value;
  }, [value]);
  return <input ref={ref} defaultValue={value} {...props} />;
}

/** Who gave a person their role, when a colleague did it (on their desktop; it arrived with sync). */
function RoleSource({ act, owner, settings }: { act: TeamRoleAct | undefined; owner: Owner; settings: WorkspaceSettings }) {
  if (!act || act.by === settings.currentUser || (owner.role ?? '') !== act.role) return null;
  return (
    <span className="muted" style={{ fontSize: 12 }}>
      {act.role === '' ? 'Role removed' : 'Role set'} by {personName(act.by, settings.owners)}, {formatLocalTime(act.at, settings.workingHours.timeZone)}
    </span>
  );
}

/** "Which owner am I" and the directory of people handoffs are sent between (roles are the team's: they sync). */
export function OwnersPanel({ settings }: { settings: WorkspaceSettings }) {
  const save = useSaveSettings();
  const db = useDb();
  // Who gave each role, so a role that arrived from a colleague's desktop says whose it is.
  const roleSetBy = useLiveQuery(async () => roleActs(await loadTeamActs(db)), [db]);
  const [errors, setErrors] = useState<string[]>([]);
  const [newName, setNewName] = useState('');
  const [newRole, setNewRole] = useState('');
  const meId = useId();
  const nameId = useId();
  const roleId = useId();
  const errorId = useId();

  const saveOwners = async (owners: Owner[], what: string) => setErrors(await save({ owners }, what));

  return (
    <section className="panel" aria-labelledby={`${meId}-h`}>
      <h2 id={`${meId}-h`}>People</h2>
      <div className="field" style={{ maxWidth: 320 }}>
        <label htmlFor={meId}>I am</label>
        <select id={meId} className="select" value={settings.currentUser} onChange={(e) => void save({ currentUser: e.target.value }, 'Current user').then(setErrors)}>
          {settings.owners.map((owner) => (
            <option key={owner.id} value={owner.id}>
              {owner.name}
            </option>
          ))}
        </select>
      </div>
      <p className="muted">
        A person’s role decides what they approve: only someone holding a template’s approval role (e.g. “QA lead”) can give or revoke that approval. Only a
        handoff’s receiver accepts or bounces it; anyone else answers for them only “on behalf of”, with a reason that is recorded. Roles are the team’s: one set
        here reaches every colleague’s Baton when both sync with HubSpot.
      </p>
      <ul className="list" aria-label="People in this workspace">
        {settings.owners.map((owner) => (
          <li key={owner.id} className="list-item">
            <div className="grow field-row">
              <BlurSavedInput
                className="input"
                aria-label={`Name of ${owner.name}`}
                value={owner.name}
                onBlur={(e) => {
                  if (e.target.value !== owner.name) void saveOwners(settings.owners.map((o) => (o.id === owner.id ? { ...o, name: e.target.value } : o)), 'Name');
                }}
              />
              <BlurSavedInput
                className="input"
                aria-label={`Role of ${owner.name}`}
                placeholder="Role, e.g. Development lead"
                value={owner.role ?? ''}
                onBlur={(e) => {
                  if (e.target.value !== (owner.role ?? '')) void saveOwners(settings.owners.map((o) => (o.id === owner.id ? { ...o, role: e.target.value } : o)), 'Role');
                }}
              />
            </div>
            <RoleSource act={roleSetBy?.get(owner.id)} owner={owner} settings={settings} />
            {/* A fixed slot on every row, so the "You" chip does not make its row's fields narrower than the others. */}
            <span className="owner-badge">{owner.id === settings.currentUser ? <span className="chip chip-accent">You</span> : null}</span>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (newName.trim() === '') {
            setErrors(['A person needs a name.']);
            return;
          }
          const owner: Owner = { id: `owner-${crypto.randomUUID()}`, name: newName.trim(), ...(newRole.trim() ? { role: newRole.trim() } : {}) };
          void save({ owners: [...settings.owners, owner] }, 'Person').then((lines) => {
            setErrors(lines);
            if (lines.length === 0) {
              setNewName('');
              setNewRole('');
            }
          });
        }}
      >
        <div className="grow">
          <label htmlFor={nameId} className="visually-hidden">
            New person’s name
          </label>
          <input id={nameId} className="input" placeholder="Name" value={newName} aria-describedby={errors.length ? errorId : undefined} onChange={(e) => setNewName(e.target.value)} />
        </div>
        <div className="grow">
          <label htmlFor={roleId} className="visually-hidden">
            New person’s role
          </label>
          <input id={roleId} className="input" placeholder="Role (optional)" value={newRole} onChange={(e) => setNewRole(e.target.value)} />
        </div>
        <button type="submit" className="btn">
          Add person
        </button>
      </form>
      <ErrorLines id={errorId} lines={errors} />
    </section>
  );
}
