import { templateKey, type Template } from '../../../shared/domain/template';
import { withoutLatestFlag, type BatonDb } from '../data/db';

/** HubSpot's pull and provisioning accept at most this many template versions per call. */
export const MAX_TEMPLATES_PER_CALL = 500;

export interface LocalTemplates {
  /** Every stored version (the handoffs may use any of them). */
  all: Template[];
  /** What pull and provisioning get: the newest versions first, capped. */
  forHost: Template[];
  /** The template for deals created in HubSpot that name none: the oldest active one. */
  defaultTemplate: Template | null;
  /** Changes whenever a template version is added: triggers provisioning. */
  fingerprint: string;
}

export async function loadLocalTemplates(db: BatonDb): Promise<LocalTemplates> {
  const stored = await db.templates.toArray();
  const all = stored.map(withoutLatestFlag);
  const newestFirst = [...all].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.version - a.version);
  const active = stored
    .filter((t) => t.latest === 1 && t.archivedAt === null)
    .map(withoutLatestFlag)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const fingerprint = all
    .map((t) => templateKey(t.id, t.version))
    .sort()
    .join(',');
  return { all, forHost: newestFirst.slice(0, MAX_TEMPLATES_PER_CALL), defaultTemplate: active[0] ?? null, fingerprint };
}
