import { z } from 'zod';
import type { HandoffEvent } from './history';
import type { ExceptionKind } from './handoff';
import { ApprovalSchema, HandoffExceptionSchema, NextActionSchema } from './handoff';
import type { Owner } from './settings';
import { formatLocalTime } from './local-time';
import { personName } from './people';

/** Exception kinds as words people read. */
export const EXCEPTION_KIND_WORDS: Record<ExceptionKind, string> = {
  GATE_BYPASSED: 'Gate bypassed in HubSpot',
  SYNC_FAILED: 'Sync failed',
  SLA_BREACHED: 'Past its SLA',
  NEXT_ACTION_OVERDUE: 'Next action overdue',
  DEAL_LEFT_PIPELINE: 'Deal left the pipeline',
};

export interface DescribeOptions {
  /** The people directory: ids become names. */
  people?: readonly Owner[];
  /** The workspace's zone: times are local ("Tue 9 Dec, 10:30"). */
  timeZone?: string;
}

const PersonSchema = z.string().nullable();

function name(id: unknown, options: DescribeOptions): string {
  const parsed = PersonSchema.safeParse(id);
  return parsed.success ? personName(parsed.data, options.people) : 'someone';
}

/** A HubSpot internal property name as words: `design_approved_by_client` → "Design approved by client". */
export function propertyWords(property: string): string {
  const words = property.replace(/[_-]+/g, ' ').trim();
  return words === '' ? property : words.charAt(0).toUpperCase() + words.slice(1);
}

/** A HubSpot value as a person reads it: checkboxes are yes/no. */
function valueWords(value: unknown): string {
  if (value === 'true') return 'yes';
  if (value === 'false') return 'no';
  return `"${String(value)}"`;
}

function when(iso: string, options: DescribeOptions): string {
  return formatLocalTime(iso, options.timeZone ?? 'UTC');
}

/**
 * Events store ids and instants (what happened); the words are made here, at
 * display time, so a renamed person reads right in old history too and a
 * HubSpot note says it the same way as the drawer.
 */
function fromRecord(event: HandoffEvent, options: DescribeOptions): string | null {
  switch (event.kind) {
    case 'field_changed': {
      if (event.field === 'receiver' || event.field === 'sender') {
        const label = event.field === 'receiver' ? 'Receiver' : 'Sender';
        return `${label} changed from ${name(event.before, options)} to ${name(event.after, options)}`;
      }
      if (event.field === 'nextAction') {
        if (event.after === null) return 'Cleared the next action';
        const next = NextActionSchema.safeParse(event.after);
        return next.success ? `Next action set to "${next.data.text}", due ${when(next.data.dueAt, options)}` : null;
      }
      if (event.field?.startsWith('hubspotProperties.') === true) {
        const label = `HubSpot field “${propertyWords(event.field.slice('hubspotProperties.'.length))}”`;
        return event.after === null ? `${label} cleared` : `${label} set to ${valueWords(event.after)}`;
      }
      return null;
    }
    case 'approval_revoked': {
      const approval = ApprovalSchema.safeParse(event.before);
      return approval.success ? `Revoked the ${approval.data.role}'s approval given by ${name(approval.data.by, options)}` : null;
    }
    case 'exception_raised': {
      const exception = HandoffExceptionSchema.safeParse(event.after);
      return exception.success ? `Exception raised — ${EXCEPTION_KIND_WORDS[exception.data.kind]}: ${exception.data.message}` : null;
    }
    case 'exception_resolved': {
      const exception = HandoffExceptionSchema.safeParse(event.after);
      if (!exception.success) return null;
      const by = exception.data.resolvedBy === null ? '' : ` by ${name(exception.data.resolvedBy, options)}`;
      return `Resolved "${EXCEPTION_KIND_WORDS[exception.data.kind]}"${by}: ${exception.data.resolution ?? ''}`;
    }
    default:
      return null;
  }
}

const ON_BEHALF_VERBS: Partial<Record<HandoffEvent['kind'], string>> = {
  accepted: 'Accepted',
  bounced: 'Bounced back',
  approval_added: 'Approved',
  approval_revoked: 'Revoked an approval',
};

/** One line for a history list, a notification or a HubSpot note: names, local times, words. */
export function describeEvent(event: HandoffEvent, options: DescribeOptions = {}): string {
  const base = fromRecord(event, options) ?? (event.summary.trim() !== '' ? event.summary : `${event.kind.replace(/_/g, ' ')}${event.field === null ? '' : ` (${event.field})`}`);
  const behalf = event.onBehalfOf;
  if (behalf === undefined) return base;
  const verb = ON_BEHALF_VERBS[event.kind] ?? 'Done';
  return `${verb} by ${name(event.actor, options)} on behalf of ${name(behalf.person, options)}: ${behalf.reason} (${base})`;
}
