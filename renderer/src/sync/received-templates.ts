import type { Template } from '../../../shared/domain/template';
import type { BatonDb } from '../data/db';

/**
 * Template versions that arrived with handoffs from other desktops. A version
 * already here is left alone (versions never change once saved); a newer one
 * becomes the latest, so new handoffs here use the team's current playbook.
 * Must run inside the pull's transaction.
 */
export async function storeReceivedTemplates(db: BatonDb, templates: readonly Template[]): Promise<number> {
  let added = 0;
  const seen = new Set<string>();
  for (const template of templates) {
    const key = `${template.id}@${template.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (await db.templates.get([template.id, template.version])) continue;
    const versions = await db.templates.where('id').equals(template.id).toArray();
    const newest = versions.reduce((max, t) => Math.max(max, t.version), 0);
    const latest = template.version > newest;
    if (latest) for (const old of versions.filter((t) => t.latest === 1)) await db.templates.update([old.id, old.version], { latest: 0 });
    await db.templates.add({ ...template, latest: latest ? 1 : 0 });
    added += 1;
  }
  return added;
}
