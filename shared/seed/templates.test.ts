import { SEED_TEMPLATES } from './templates';
import { TemplateSchema } from '../domain/template';
import { GATES } from '../domain/states';

describe('SEED_TEMPLATES', () => {
  it('has the five stable playbooks at version 1', () => {
    expect(SEED_TEMPLATES.map((template) => [template.id, template.version])).toEqual([
      ['intake-to-pm', 1],
      ['client-onboarding', 1],
      ['design-to-dev', 1],
      ['dev-to-qa', 1],
      ['qa-to-launch', 1],
    ]);
  });

  it.each(SEED_TEMPLATES.map((template) => [template.id, template] as const))('%s is valid and complete', (_id, template) => {
    expect(TemplateSchema.parse(template)).toEqual(template);
    for (const gate of GATES) {
      expect(template.criteria.some((criterion) => criterion.gate === gate)).toBe(true);
    }
    const handOver = template.criteria.filter((criterion) => criterion.gate === 'HAND_OVER').map((criterion) => criterion.kind);
    expect(handOver).toContain('receiver_assigned');
    expect(handOver).toContain('next_action');
    expect(template.criteria.some((criterion) => criterion.gate === 'ACCEPT' && criterion.kind === 'approval')).toBe(true);
    expect(template.clientUpdateTemplate).toContain('{client}');
  });

  it('design → development asks for client approval, assets and a brief', () => {
    const design = SEED_TEMPLATES.find((template) => template.id === 'design-to-dev');
    expect(design?.criteria.find((criterion) => criterion.id === 'design_approved_by_client')).toMatchObject({
      kind: 'hubspot_property',
      property: 'design_approved_by_client',
      equals: 'true',
    });
    expect(design?.criteria.map((criterion) => criterion.id)).toEqual(expect.arrayContaining(['assets_link', 'dev_brief_attached']));
  });

  it('client onboarding covers CRM record, welcome email and strategy meeting', () => {
    const onboarding = SEED_TEMPLATES.find((template) => template.id === 'client-onboarding');
    expect(onboarding?.criteria.map((criterion) => criterion.id)).toEqual(
      expect.arrayContaining(['crm_record_updated', 'welcome_email_sent', 'strategy_meeting_scheduled']),
    );
  });
});
