import { useId, useMemo, useState } from 'react';
import type { WorkspaceSettings } from '../../../shared/domain/settings';
import { STATE_LABELS } from '../../../shared/domain/states';
import { ErrorLines, useSaveSettings } from './use-save-settings';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SLA_STATES = ['IN_PROGRESS', 'READY_FOR_HANDOFF', 'IN_HANDOFF'] as const;

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

/** Working hours and time zone (the SLA clock), and the SLA per column. */
export function WorkingHoursPanel({ settings }: { settings: WorkspaceSettings }) {
  const save = useSaveSettings();
  const [days, setDays] = useState(settings.workingHours.days);
  const [start, setStart] = useState(settings.workingHours.start);
  const [end, setEnd] = useState(settings.workingHours.end);
  const [timeZone, setTimeZone] = useState(settings.workingHours.timeZone);
  const [sla, setSla] = useState<Record<(typeof SLA_STATES)[number], string>>({
    IN_PROGRESS: String(settings.slaHours.IN_PROGRESS),
    READY_FOR_HANDOFF: String(settings.slaHours.READY_FOR_HANDOFF),
    IN_HANDOFF: String(settings.slaHours.IN_HANDOFF),
  });
  const [errors, setErrors] = useState<string[]>([]);
  const zones = useMemo(() => timeZones(), []);
  const ids = { start: useId(), end: useId(), zone: useId(), zones: useId(), error: useId(), heading: useId() };

  return (
    <form
      className="panel"
      noValidate
      aria-labelledby={ids.heading}
      onSubmit={(event) => {
        event.preventDefault();
        const slaHours = { IN_PROGRESS: Number(sla.IN_PROGRESS), READY_FOR_HANDOFF: Number(sla.READY_FOR_HANDOFF), IN_HANDOFF: Number(sla.IN_HANDOFF) };
        void save({ workingHours: { days: [...days].sort((a, b) => a - b), start, end, timeZone: timeZone.trim() }, slaHours }, 'Working hours').then(setErrors);
      }}
    >
      <h2 id={ids.heading}>Working hours and SLAs</h2>
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
        <legend className="field-label">Working days</legend>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', marginTop: 4 }}>
          {WEEKDAYS.map((label, day) => (
            <label key={label} className="checkbox-row">
              <input type="checkbox" checked={days.includes(day)} onChange={(e) => setDays((all) => (e.target.checked ? [...all, day] : all.filter((d) => d !== day)))} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.start}>Day starts</label>
          <input id={ids.start} type="time" className="input" value={start} onChange={(e) => setStart(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.end}>Day ends</label>
          <input id={ids.end} type="time" className="input" value={end} onChange={(e) => setEnd(e.target.value)} />
        </div>
        <div className="field" style={{ flex: 2 }}>
          <label htmlFor={ids.zone}>Time zone</label>
          <input id={ids.zone} className="input" list={ids.zones} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
          <datalist id={ids.zones}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
      </div>
      <div className="field-row align-end">
        {SLA_STATES.map((state) => (
          <div className="field" key={state}>
            <label htmlFor={`${ids.heading}-${state}`}>SLA in “{STATE_LABELS[state]}” (working hours)</label>
            <input
              id={`${ids.heading}-${state}`}
              type="number"
              min={1}
              className="input"
              value={sla[state]}
              onChange={(e) => setSla((all) => ({ ...all, [state]: e.target.value }))}
            />
          </div>
        ))}
      </div>
      <ErrorLines id={ids.error} lines={errors} />
      <div className="dialog-actions">
        <button type="submit" className="btn btn-primary">
          Save working hours
        </button>
      </div>
    </form>
  );
}
