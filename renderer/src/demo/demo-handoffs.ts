import { applyCommand, createHandoff } from '../../../shared/domain/commands';
import type { HandoffCommand } from '../../../shared/domain/command-schema';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffEvent } from '../../../shared/domain/history';
import type { Owner } from '../../../shared/domain/settings';
import { GATE_STEPS, HANDOFF_STATES, stateIndex, type GateId, type HandoffState } from '../../../shared/domain/states';
import type { Criterion, Template } from '../../../shared/domain/template';
import { DEMO_ID_PREFIX } from './demo-id';
import { RANK_STEP } from '../data/ranks';

/** People in the demo agency; ids carry the demo prefix so removal finds them. */
const MAYA = `${DEMO_ID_PREFIX}maya`;
const JONAS = `${DEMO_ID_PREFIX}jonas`;
const PRIYA = `${DEMO_ID_PREFIX}priya`;
const SAM = `${DEMO_ID_PREFIX}sam`;
const LEA = `${DEMO_ID_PREFIX}lea`;

export const DEMO_OWNERS: readonly Owner[] = [
  { id: MAYA, name: 'Maya Chen', role: 'Design lead' },
  { id: JONAS, name: 'Jonas Weber', role: 'Development lead' },
  { id: PRIYA, name: 'Priya Patel', role: 'QA lead' },
  { id: SAM, name: 'Sam Okafor', role: 'Account lead' },
  { id: LEA, name: 'Léa Martin', role: 'Marketing lead' },
];

/** `me` in a spec stands for whoever uses this copy of Baton, so "Mine" and "Awaiting me" show something. */
type Person = string | 'me';

interface DemoSpec {
  slug: string;
  title: string;
  client: string;
  templateId: string;
  state: HandoffState;
  sender: Person;
  receiver: Person;
  nextAction: string;
  /** Hours from now the next action is due (negative: overdue). */
  dueInHours: number;
  /** Hours ago the card was created and entered its current column. */
  createdHoursAgo: number;
  enteredHoursAgo: number;
  /** Extra commands after reaching the state (bounce round trips, notes, exceptions). */
  extra?: (ids: () => string) => HandoffCommand[];
  /** Bounce once from IN_HANDOFF with this reason before ending where `state` says. */
  bounceReason?: string;
}

const LINKS: Record<string, { label: string; url: string }> = {
  'intake-to-pm': { label: 'Intake form', url: 'https://forms.example.com/intake/2041' },
  'client-onboarding': { label: 'Signed SOW', url: 'https://drive.example.com/contracts/sow-signed.pdf' },
  'design-to-dev': { label: 'Figma: final screens', url: 'https://www.figma.com/file/demo-final-screens' },
  'dev-to-qa': { label: 'Staging build', url: 'https://staging.example.com/' },
  'qa-to-launch': { label: 'Release notes', url: 'https://docs.example.com/release-notes' },
};

const SPECS: readonly DemoSpec[] = [
  { slug: 'spring-sale', title: 'Spring sale landing page', client: 'Bloom & Co', templateId: 'design-to-dev', state: 'IN_HANDOFF', sender: MAYA, receiver: 'me', nextAction: 'Build the hero and countdown components', dueInHours: 30, createdHoursAgo: 120, enteredHoursAgo: 3 },
  { slug: 'acme-onboarding', title: 'Acme Co onboarding', client: 'Acme Co', templateId: 'client-onboarding', state: 'READY_FOR_HANDOFF', sender: SAM, receiver: 'me', nextAction: 'Kick-off call with Acme marketing team', dueInHours: 50, createdHoursAgo: 72, enteredHoursAgo: 5 },
  {
    slug: 'checkout-qa', title: 'Checkout redesign QA', client: 'Northwind Outfitters', templateId: 'dev-to-qa', state: 'IN_PROGRESS', sender: JONAS, receiver: PRIYA,
    nextAction: 'Fix Safari payment button and redeploy', dueInHours: 20, createdHoursAgo: 96, enteredHoursAgo: 6,
    bounceReason: 'The payment step crashes in Safari 17 on staging: which browsers are in scope for this release?',
  },
  { slug: 'holiday-launch', title: 'Holiday campaign launch', client: 'Bloom & Co', templateId: 'qa-to-launch', state: 'HANDOFF_DONE', sender: PRIYA, receiver: LEA, nextAction: 'Schedule launch emails', dueInHours: 70, createdHoursAgo: 200, enteredHoursAgo: 26 },
  { slug: 'catalogue-import', title: 'New product catalogue import', client: 'Harbor Home Goods', templateId: 'intake-to-pm', state: 'IN_PROGRESS', sender: 'me', receiver: SAM, nextAction: 'Confirm CSV columns with the client', dueInHours: 40, createdHoursAgo: 4, enteredHoursAgo: 4 },
  {
    slug: 'loyalty-microsite', title: 'Loyalty programme microsite', client: 'Northwind Outfitters', templateId: 'design-to-dev', state: 'IN_HANDOFF', sender: MAYA, receiver: JONAS,
    // Stalled: handed over more than a working week ago and never accepted.
    nextAction: 'Estimate the rewards dashboard', dueInHours: -30, createdHoursAgo: 400, enteredHoursAgo: 200,
  },
  { slug: 'bf-emails', title: 'Black Friday email templates', client: 'Acme Co', templateId: 'dev-to-qa', state: 'READY_FOR_HANDOFF', sender: JONAS, receiver: PRIYA, nextAction: 'Test templates in Litmus', dueInHours: 28, createdHoursAgo: 60, enteredHoursAgo: 2 },
  {
    slug: 'wholesale-onboarding', title: 'Wholesale portal onboarding', client: 'Harbor Home Goods', templateId: 'client-onboarding', state: 'IN_PROGRESS', sender: SAM, receiver: 'me',
    nextAction: 'Collect wholesale price lists', dueInHours: 16, createdHoursAgo: 30, enteredHoursAgo: 30,
    extra: (id) => [
      {
        type: 'raise_exception',
        id: id(),
        kind: 'GATE_BYPASSED',
        message: 'The deal was moved to "In handoff" in HubSpot, but the welcome email and signed contract are still missing here.',
      },
    ],
  },
  { slug: 'mobile-menu', title: 'Mobile menu fixes', client: 'Bloom & Co', templateId: 'dev-to-qa', state: 'HANDOFF_DONE', sender: JONAS, receiver: PRIYA, nextAction: 'Regression test on iOS and Android', dueInHours: 8, createdHoursAgo: 150, enteredHoursAgo: 48 },
  { slug: 'lookbook', title: 'Summer lookbook page', client: 'Luma Skincare', templateId: 'design-to-dev', state: 'IN_PROGRESS', sender: MAYA, receiver: JONAS, nextAction: 'Export lookbook images at 2x', dueInHours: 45, createdHoursAgo: 20, enteredHoursAgo: 20 },
  { slug: 'subscription-intake', title: 'Subscription box intake', client: 'Luma Skincare', templateId: 'intake-to-pm', state: 'HANDOFF_DONE', sender: SAM, receiver: 'me', nextAction: 'Draft the project plan', dueInHours: 60, createdHoursAgo: 180, enteredHoursAgo: 70 },
  { slug: 'ab-test-launch', title: 'Product page A/B test launch', client: 'Northwind Outfitters', templateId: 'qa-to-launch', state: 'IN_HANDOFF', sender: PRIYA, receiver: LEA, nextAction: 'Announce the test in the newsletter', dueInHours: 24, createdHoursAgo: 90, enteredHoursAgo: 8 },
];

export const DEMO_HANDOFF_COUNT = SPECS.length;

function hoursBefore(now: Date, hours: number): string {
  return new Date(now.getTime() - hours * 3_600_000).toISOString();
}

/** The command that makes one criterion hold, as the person concerned would do it (null: already true from creation). */
function proofFor(criterion: Criterion, spec: DemoSpec, people: { sender: string; receiver: string }, id: () => string): { command: HandoffCommand; actor: string } | null {
  const byReceiver = { actor: people.receiver };
  const bySender = { actor: people.sender };
  switch (criterion.kind) {
    case 'checklist':
      return { ...bySender, command: { type: 'set_criterion', criterionId: criterion.id, met: true } };
    case 'receiver_assigned':
    case 'next_action':
      // Set when the demo card is created, so cards early in the flow already show who and what is next.
      return null;
    case 'context_link': {
      const link = LINKS[spec.templateId] ?? { label: 'Brief', url: 'https://docs.example.com/brief' };
      return { ...bySender, command: { type: 'add_link', link: { id: id(), label: link.label, url: link.url } } };
    }
    case 'client_notified':
      return { ...bySender, command: { type: 'log_client_update', id: id(), body: `Hi ${spec.client} team — quick update on "${spec.title}": it is ready to move to the next step.` } };
    case 'approval':
      return { ...(criterion.gate === 'ACCEPT' ? byReceiver : bySender), command: { type: 'approve', criterionId: criterion.id } };
    case 'hubspot_property':
      return { ...bySender, command: { type: 'set_hubspot_property', property: criterion.property, value: criterion.equals } };
  }
}

export interface DemoRecords {
  handoffs: Handoff[];
  events: HandoffEvent[];
}

/**
 * Builds the demo handoffs by running real commands through the real domain
 * (create, prove each gate, move, bounce…) at times relative to `now`, so every
 * demo card is consistent with its template's gates and carries real history.
 */
export function buildDemoHandoffs(templates: ReadonlyMap<string, Template>, currentUser: string, now: Date): DemoRecords {
  const handoffs: Handoff[] = [];
  const events: HandoffEvent[] = [];
  const rankInColumn = new Map<HandoffState, number>(HANDOFF_STATES.map((state) => [state, 0]));
  let counter = 0;
  const id = () => {
    counter += 1;
    return `${DEMO_ID_PREFIX}r${counter}`;
  };
  for (const spec of SPECS) {
    const template = templates.get(spec.templateId);
    if (!template) continue;
    const people = { sender: spec.sender === 'me' ? currentUser : spec.sender, receiver: spec.receiver === 'me' ? currentUser : spec.receiver };
    const rank = (rankInColumn.get(spec.state) ?? 0) + RANK_STEP;
    rankInColumn.set(spec.state, rank);
    // The gate checks the due time at each move, which happens in the past: a
    // negative `dueInHours` (overdue now) still lies after the card's last move.
    const dueAt = new Date(now.getTime() + spec.dueInHours * 3_600_000).toISOString();
    const plan: { command: HandoffCommand; actor: string }[] = [];
    const target = spec.bounceReason ? 'IN_HANDOFF' : spec.state;
    for (let step = stateIndex('IN_PROGRESS'); step < stateIndex(target); step += 1) {
      const gate = (Object.keys(GATE_STEPS) as GateId[]).find((candidate) => stateIndex(GATE_STEPS[candidate].from) === step);
      if (!gate) continue;
      for (const criterion of template.criteria.filter((c) => c.gate === gate)) {
        const proof = proofFor(criterion, spec, people, id);
        if (proof) plan.push(proof);
      }
      const to = GATE_STEPS[gate].to;
      plan.push({ command: to === 'HANDOFF_DONE' ? { type: 'accept' } : { type: 'move', to, rank }, actor: to === 'HANDOFF_DONE' ? people.receiver : people.sender });
    }
    if (spec.bounceReason) plan.push({ command: { type: 'bounce', reason: spec.bounceReason }, actor: people.receiver });
    for (const command of spec.extra?.(id) ?? []) plan.push({ command, actor: people.sender });

    // Spread the steps between creation and entering the final column; the move into it happens at `enteredHoursAgo`.
    const lastMove = plan.reduce((last, step, index) => (['move', 'accept', 'bounce'].includes(step.command.type) ? index : last), -1);
    const createdAt = hoursBefore(now, spec.createdHoursAgo);
    const timeOf = (index: number): string => {
      if (lastMove < 0 || index > lastMove) return hoursBefore(now, Math.max(0, spec.enteredHoursAgo - 0.5 * (index - lastMove)));
      const span = spec.createdHoursAgo - spec.enteredHoursAgo;
      return hoursBefore(now, spec.createdHoursAgo - (span * (index + 1)) / (lastMove + 1));
    };
    const created = createHandoff(
      {
        title: spec.title,
        client: { name: spec.client, hubspotCompanyId: null, hubspotDealId: null },
        templateId: template.id,
        templateVersion: template.version,
        sender: people.sender,
        receiver: people.receiver,
        nextAction: { text: spec.nextAction, dueAt },
        rank,
      },
      { template, actor: people.sender, now: createdAt, newId: id, id: `${DEMO_ID_PREFIX}${spec.slug}` },
    );
    if (!created.ok) throw new Error(`Demo handoff "${spec.title}" could not be created: ${created.error.message}`);
    let handoff = created.handoff;
    events.push(created.event);
    plan.forEach((step, index) => {
      const applied = applyCommand(handoff, step.command, { template, actor: step.actor, now: timeOf(index), newId: id });
      // Only reachable if the demo specs and the seed templates drift apart; the tests catch that.
      if (!applied.ok) throw new Error(`Demo handoff "${spec.title}": ${step.command.type} was refused: ${applied.error.message}`);
      handoff = applied.handoff;
      events.push(applied.event);
    });
    handoffs.push(handoff);
  }
  return { handoffs, events };
}
