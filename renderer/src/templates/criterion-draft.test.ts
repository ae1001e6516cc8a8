import { fromDrafts, newDraft, slugifyId, toDraft } from './criterion-draft';
import { CriterionSchema } from '../../../shared/domain/template';

describe('criterion drafts', () => {
  it('derives snake_case ids from labels', () => {
    expect(slugifyId('Design approved by client!')).toBe('design_approved_by_client');
    expect(slugifyId('  Café — brief ')).toBe('cafe_brief');
    expect(slugifyId('3D assets')).toBe('c_3d_assets');
    expect(slugifyId('!!!')).toBe('criterion');
  });

  it('mints unique ids for new criteria without touching existing ones', () => {
    const existing = toDraft({ id: 'brief_ready', label: 'Brief ready', gate: 'READY', kind: 'checklist' });
    const a = { ...newDraft('READY'), label: 'Brief ready' };
    const b = { ...newDraft('HAND_OVER'), label: 'Brief ready' };
    const ids = fromDrafts([existing, a, b]).map((c) => c.id);
    expect(ids).toEqual(['brief_ready', 'brief_ready_2', 'brief_ready_3']);
  });

  it('produces valid kind-specific criteria', () => {
    const approval = { ...newDraft('ACCEPT'), label: 'Lead approves', kind: 'approval' as const, role: 'Development lead' };
    const property = { ...newDraft('READY'), label: 'Client signed off', kind: 'hubspot_property' as const, property: 'design_approved_by_client', equals: 'true' };
    for (const criterion of fromDrafts([approval, property])) expect(CriterionSchema.safeParse(criterion).success).toBe(true);
  });
});
