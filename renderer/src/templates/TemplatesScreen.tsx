import { useState } from 'react';
import type { Template } from '../../../shared/domain/template';
import type { WorkspaceSettings } from '../../../shared/domain/settings';
import { useSettings, useTemplates } from '../data/queries';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../data/db-context';
import { loadTeamActs } from '../data/team-acts';
import { savedBy } from '../../../shared/sync/team-fold';
import { personName } from '../../../shared/domain/people';
import { formatLocalTime } from '../../../shared/domain/local-time';
import { TemplateEditor } from './TemplateEditor';

function blankTemplate(): Template {
  return {
    id: `tpl-${crypto.randomUUID()}`,
    version: 1,
    name: '',
    description: '',
    fromTeam: '',
    toTeam: '',
    criteria: [],
    sla: {},
    clientUpdateTemplate: '',
    createdAt: new Date().toISOString(),
    archivedAt: null,
  };
}

/** " · saved by Grace Hopper, Tue 24 Nov, 10:30" when the team record says who saved the version. */
function savedLine(act: { by: string; at: string } | undefined, settings: WorkspaceSettings | undefined): string {
  if (!act || !settings) return '';
  return ` · saved by ${personName(act.by, settings.owners)}, ${formatLocalTime(act.at, settings.workingHours.timeZone)}`;
}

/** The playbooks: list on the left, the selected one in the editor. */
export function TemplatesScreen() {
  const templates = useTemplates();
  const db = useDb();
  const settings = useSettings();
  // Templates are the team's: say who saved the version in use (here or on a colleague's desktop).
  const saved = useLiveQuery(async () => savedBy(await loadTeamActs(db)), [db]);
  const [editing, setEditing] = useState<{ template: Template; isNew: boolean } | null>(null);
  return (
    <div className="page">
      <div className="page-inner">
        <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <h1 style={{ flex: 1, fontSize: 18 }}>Templates</h1>
          <button type="button" className="btn btn-primary" onClick={() => setEditing({ template: blankTemplate(), isNew: true })}>
            + New template
          </button>
        </div>
        {editing ? (
          <TemplateEditor
            key={`${editing.template.id}@${editing.template.version}`}
            template={editing.template}
            isNew={editing.isNew}
            onSaved={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        ) : null}
        <ul className="template-list list" aria-label="Templates">
          {templates === undefined ? <li className="muted">Loading…</li> : null}
          {templates?.length === 0 ? <li className="muted">No templates yet.</li> : null}
          {templates?.map((template) => (
            <li key={template.id} className="panel" style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
              <div style={{ flex: 1 }}>
                <h2 style={{ marginBottom: 4 }}>
                  {template.name} <span className="chip">v{template.version}</span>
                </h2>
                <p className="muted">{template.description}</p>
                <p className="muted" style={{ fontSize: 12, marginTop: 4 }}>
                  {template.fromTeam || '—'} → {template.toTeam || '—'} · {template.criteria.length} criteria
                  {savedLine(saved?.get(`${template.id}@${template.version}`), settings)}
                </p>
              </div>
              <button type="button" className="btn" aria-label={`Edit ${template.name}`} onClick={() => setEditing({ template, isNew: false })}>
                Edit
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
