import type { Criterion, Template } from '../domain/template';

/**
 * The five playbooks a new workspace starts with. Ids are stable (other data
 * and HubSpot properties refer to them); all are version 1. Every playbook asks
 * for a receiver and a dated next action before the hand-over, because that is
 * what "the next person can act without re-asking" means.
 */
const SEEDED_AT = '2026-01-01T00:00:00.000Z';

function receiverAndNextAction(receiverHelp: string, nextActionHelp: string): Criterion[] {
  return [
    { id: 'receiver_assigned', label: 'Receiver assigned', gate: 'HAND_OVER', kind: 'receiver_assigned', help: receiverHelp },
    { id: 'next_action_scheduled', label: 'Next action with a due date', gate: 'HAND_OVER', kind: 'next_action', help: nextActionHelp },
  ];
}

const INTAKE_TO_PM: Template = {
  id: 'intake-to-pm',
  version: 1,
  name: 'Intake processed → PM',
  description: 'A new request has been qualified by intake and goes to the project manager who will run it.',
  fromTeam: 'Intake',
  toTeam: 'Project management',
  criteria: [
    { id: 'scope_summary_written', label: 'Scope summary written', gate: 'READY', kind: 'checklist', help: 'What the client asked for, in their words, plus budget and deadline.' },
    { id: 'request_brief_linked', label: 'Request brief linked', gate: 'READY', kind: 'context_link', help: 'Link the intake form or brief so the PM does not re-ask the client.' },
    { id: 'budget_confirmed', label: 'Budget confirmed', gate: 'READY', kind: 'checklist', help: 'Budget range agreed with the client or account lead.' },
    ...receiverAndNextAction('Pick the PM who will own the project.', 'For example "Kick-off call with client", with a date.'),
    { id: 'pm_lead_approval', label: 'Accepted by the PM lead', gate: 'ACCEPT', kind: 'approval', role: 'PM lead', help: 'The PM lead confirms the project is staffed.' },
  ],
  sla: { READY_FOR_HANDOFF: 4, IN_HANDOFF: 8 },
  clientUpdateTemplate:
    'Hi {client}, thanks for your request "{title}". {receiver} is your project manager from now on; the next step is {nextAction} by {due}.',
  createdAt: SEEDED_AT,
  archivedAt: null,
};

const CLIENT_ONBOARDING: Template = {
  id: 'client-onboarding',
  version: 1,
  name: 'Client onboarding',
  description: 'A signed client is set up and handed to the delivery team.',
  fromTeam: 'Sales',
  toTeam: 'Account management',
  criteria: [
    {
      id: 'crm_record_updated',
      label: 'Client CRM record updated',
      gate: 'READY',
      kind: 'hubspot_property',
      property: 'crm_record_updated',
      equals: 'true',
      help: 'Contacts, billing details and contract dates are filled in on the HubSpot company.',
    },
    { id: 'welcome_email_sent', label: 'Welcome email sent', gate: 'READY', kind: 'checklist', help: 'The welcome pack went to the client’s main contact.' },
    { id: 'contract_linked', label: 'Signed contract linked', gate: 'READY', kind: 'context_link', help: 'Link the signed contract or SOW.' },
    {
      id: 'strategy_meeting_scheduled',
      label: 'Initial strategy meeting scheduled',
      gate: 'HAND_OVER',
      kind: 'checklist',
      help: 'A calendar invite for the first strategy meeting is out.',
    },
    ...receiverAndNextAction('Pick the account manager who runs the client from now on.', 'Usually the strategy meeting itself, with its date.'),
    { id: 'client_told_of_team', label: 'Client told who their team is', gate: 'HAND_OVER', kind: 'client_notified', help: 'Log the update that introduces the account team.' },
    { id: 'account_lead_approval', label: 'Accepted by the account lead', gate: 'ACCEPT', kind: 'approval', role: 'Account lead' },
  ],
  sla: { IN_HANDOFF: 8 },
  clientUpdateTemplate: 'Welcome aboard, {client}! {receiver} is your account manager. First up: {nextAction} on {due}.',
  createdAt: SEEDED_AT,
  archivedAt: null,
};

const DESIGN_TO_DEV: Template = {
  id: 'design-to-dev',
  version: 1,
  name: 'Design → Development',
  description: 'Approved designs go to the developers who build them.',
  fromTeam: 'Design',
  toTeam: 'Development',
  criteria: [
    {
      id: 'design_approved_by_client',
      label: 'Design approved by client',
      gate: 'READY',
      kind: 'hubspot_property',
      property: 'design_approved_by_client',
      equals: 'true',
      help: 'Set "Design approved by client" on the deal in HubSpot once the client signs off.',
    },
    { id: 'assets_link', label: 'All assets uploaded', gate: 'READY', kind: 'context_link', help: 'Link the folder or Figma file with every final asset.' },
    { id: 'dev_brief_attached', label: 'Development brief attached', gate: 'HAND_OVER', kind: 'checklist', help: 'Breakpoints, interactions and edge cases written down for the developers.' },
    ...receiverAndNextAction('Pick the lead developer.', 'For example "Estimate the build", with a date.'),
    { id: 'dev_lead_approval', label: 'Accepted by the development lead', gate: 'ACCEPT', kind: 'approval', role: 'Development lead' },
  ],
  sla: { IN_HANDOFF: 16 },
  clientUpdateTemplate: 'Hi {client}, the designs for "{title}" are approved and now with our developers ({receiver}). Next: {nextAction} by {due}.',
  createdAt: SEEDED_AT,
  archivedAt: null,
};

const DEV_TO_QA: Template = {
  id: 'dev-to-qa',
  version: 1,
  name: 'Development → QA',
  description: 'A finished build goes to quality assurance.',
  fromTeam: 'Development',
  toTeam: 'QA',
  criteria: [
    { id: 'deployed_to_staging', label: 'Deployed to staging', gate: 'READY', kind: 'checklist', help: 'The build QA will test is live on staging.' },
    { id: 'staging_link', label: 'Staging link attached', gate: 'READY', kind: 'context_link', help: 'Link the staging URL and the test account notes.' },
    { id: 'test_notes_written', label: 'Test notes written', gate: 'HAND_OVER', kind: 'checklist', help: 'What changed, what to test, known issues.' },
    ...receiverAndNextAction('Pick the QA engineer.', 'For example "First test pass", with a date.'),
    { id: 'qa_lead_approval', label: 'Accepted by the QA lead', gate: 'ACCEPT', kind: 'approval', role: 'QA lead' },
  ],
  sla: { IN_HANDOFF: 8 },
  clientUpdateTemplate: 'Hi {client}, "{title}" is built and now in testing with {receiver}. Next: {nextAction} by {due}.',
  createdAt: SEEDED_AT,
  archivedAt: null,
};

const QA_TO_LAUNCH: Template = {
  id: 'qa-to-launch',
  version: 1,
  name: 'QA → Marketing launch',
  description: 'A tested release goes to marketing for the launch.',
  fromTeam: 'QA',
  toTeam: 'Marketing',
  criteria: [
    { id: 'qa_passed', label: 'QA passed with no open blockers', gate: 'READY', kind: 'checklist', help: 'All blocker and critical bugs are closed.' },
    { id: 'release_notes_link', label: 'Release notes linked', gate: 'READY', kind: 'context_link', help: 'What is new, for the launch copy.' },
    { id: 'client_launch_approval', label: 'Client approved the launch', gate: 'HAND_OVER', kind: 'approval', role: 'Account lead', help: 'The account lead confirms the client signed off the launch date.' },
    ...receiverAndNextAction('Pick the marketer who runs the launch.', 'For example "Publish launch campaign", with a date.'),
    { id: 'client_notified_of_launch', label: 'Client notified of the launch date', gate: 'HAND_OVER', kind: 'client_notified' },
    { id: 'marketing_lead_approval', label: 'Accepted by the marketing lead', gate: 'ACCEPT', kind: 'approval', role: 'Marketing lead' },
  ],
  sla: { READY_FOR_HANDOFF: 8, IN_HANDOFF: 8 },
  clientUpdateTemplate: 'Hi {client}, "{title}" passed testing and is going live. {receiver} runs the launch: {nextAction} on {due}.',
  createdAt: SEEDED_AT,
  archivedAt: null,
};

export const SEED_TEMPLATES: Template[] = [INTAKE_TO_PM, CLIENT_ONBOARDING, DESIGN_TO_DEV, DEV_TO_QA, QA_TO_LAUNCH];

export const SEED_TEMPLATE_IDS = ['intake-to-pm', 'client-onboarding', 'design-to-dev', 'dev-to-qa', 'qa-to-launch'] as const;
