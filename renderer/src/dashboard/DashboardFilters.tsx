import { useId } from 'react';
import type { Owner } from '../../../shared/domain/settings';
import type { Template } from '../../../shared/domain/template';
import type { DomainError } from '../../../shared/domain/errors';
import { PERIOD_PRESETS, PERIOD_PRESET_LABELS, type DashboardFilterInput, type PeriodPreset } from './dashboard-filters';

interface DashboardFiltersProps {
  value: DashboardFilterInput;
  onChange: (patch: Partial<DashboardFilterInput>) => void;
  clients: readonly string[];
  templates: readonly Template[];
  owners: readonly Owner[];
  /** Why the custom period is not used (the flow metrics fall back to the last 4 weeks). */
  periodError: DomainError | null;
}

function isPreset(value: string): value is PeriodPreset {
  return (PERIOD_PRESETS as readonly string[]).includes(value);
}

/** Client, template, owner and period: every section of the dashboard follows them. */
export function DashboardFilters({ value, onChange, clients, templates, owners, periodError }: DashboardFiltersProps) {
  const id = useId();
  const errorId = `${id}-period-error`;
  const fromError = periodError?.issues?.some((issue) => issue.path === 'from') ?? false;
  const toError = periodError !== null && !fromError;
  return (
    <form className="dash-filters" aria-label="Dashboard filters" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-client`}>Client</label>
        <select id={`${id}-client`} className="input" value={value.clientName} onChange={(event) => onChange({ clientName: event.target.value })}>
          <option value="">All clients</option>
          {clients.map((client) => (
            <option key={client} value={client}>
              {client}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-template`}>Template</label>
        <select id={`${id}-template`} className="input" value={value.templateId} onChange={(event) => onChange({ templateId: event.target.value })}>
          <option value="">All templates</option>
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-owner`}>Owner</label>
        <select id={`${id}-owner`} className="input" value={value.owner} onChange={(event) => onChange({ owner: event.target.value })}>
          <option value="">Everyone</option>
          {owners.map((owner) => (
            <option key={owner.id} value={owner.id}>
              {owner.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-period`}>Period</label>
        <select
          id={`${id}-period`}
          className="input"
          value={value.preset}
          onChange={(event) => {
            if (isPreset(event.target.value)) onChange({ preset: event.target.value });
          }}
        >
          {PERIOD_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {PERIOD_PRESET_LABELS[preset]}
            </option>
          ))}
        </select>
      </div>
      {value.preset === 'custom' ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-from`}>From (first day)</label>
            <input
              id={`${id}-from`}
              type="date"
              className="input"
              value={value.customFrom}
              aria-invalid={fromError ? 'true' : 'false'}
              aria-describedby={periodError ? errorId : undefined}
              onChange={(event) => onChange({ customFrom: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>To (last day)</label>
            <input
              id={`${id}-to`}
              type="date"
              className="input"
              value={value.customTo}
              aria-invalid={toError ? 'true' : 'false'}
              aria-describedby={periodError ? errorId : undefined}
              onChange={(event) => onChange({ customTo: event.target.value })}
            />
          </div>
        </>
      ) : null}
      {periodError ? (
        <p id={errorId} className="error-text dash-filter-error" role="alert">
          {periodError.message} — until it is fixed, the flow metrics show the last 4 weeks.
        </p>
      ) : null}
    </form>
  );
}
