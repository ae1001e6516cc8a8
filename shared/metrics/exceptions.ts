import type { ExceptionKind, Handoff } from '../domain/handoff';
import { EXCEPTION_KINDS } from '../domain/handoff';
import { toEpochMs } from '../domain/instant';
import { compareText } from './people';

export const EXCEPTION_KIND_LABELS: Record<ExceptionKind, string> = {
  GATE_BYPASSED: 'Gate bypassed',
  SYNC_FAILED: 'Sync failed',
  SLA_BREACHED: 'SLA breached',
  NEXT_ACTION_OVERDUE: 'Next action overdue',
  DEAL_LEFT_PIPELINE: 'Deal left pipeline',
};

export interface ExceptionRow {
  handoffId: string;
  title: string;
  exceptionId: string;
  kind: ExceptionKind;
  message: string;
  raisedAt: string;
}

export interface ExceptionGroup {
  kind: ExceptionKind;
  label: string;
  count: number;
  /** Oldest first: the longest-ignored problem leads. */
  rows: ExceptionRow[];
}

export interface ExceptionsSummary {
  openExceptionCount: number;
  /** Only kinds with open exceptions; most first, ties in EXCEPTION_KINDS order. */
  groups: ExceptionGroup[];
}

/** Unresolved exceptions on the given handoffs, grouped by kind. */
export function exceptionsByKind(handoffs: readonly Handoff[]): ExceptionsSummary {
  const byKind = new Map<ExceptionKind, ExceptionRow[]>();
  for (const handoff of handoffs) {
    for (const exception of handoff.exceptions) {
      if (exception.resolvedAt !== null) continue;
      const rows = byKind.get(exception.kind) ?? [];
      rows.push({ handoffId: handoff.id, title: handoff.title, exceptionId: exception.id, kind: exception.kind, message: exception.message, raisedAt: exception.raisedAt });
      byKind.set(exception.kind, rows);
    }
  }
  const groups = EXCEPTION_KINDS.flatMap((kind): ExceptionGroup[] => {
    const rows = byKind.get(kind);
    if (rows === undefined) return [];
    rows.sort((a, b) => toEpochMs(a.raisedAt) - toEpochMs(b.raisedAt) || compareText(a.title, b.title) || compareText(a.exceptionId, b.exceptionId));
    return [{ kind, label: EXCEPTION_KIND_LABELS[kind], count: rows.length, rows }];
  });
  // Stable sort keeps EXCEPTION_KINDS order among equal counts.
  groups.sort((a, b) => b.count - a.count);
  return { openExceptionCount: groups.reduce((sum, group) => sum + group.count, 0), groups };
}
