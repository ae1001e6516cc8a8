import type { Page } from 'playwright-core';
import type { CriterionKind, Template } from '../../../shared/domain/template';
import { GATE_STEPS } from '../../../shared/domain/states';
import { KIND_LABELS } from '../../../renderer/src/templates/criterion-draft';

export interface NewCriterion {
  label: string;
  gate: Template['criteria'][number]['gate'];
  kind: CriterionKind;
  role?: string;
}

/** Creates a template through the Templates screen, as a person would, then returns to the board. */
export async function createTemplateViaScreen(page: Page, name: string, criteria: readonly NewCriterion[]): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Templates', exact: true }).click();
  await page.getByRole('button', { name: '+ New template' }).click();
  const form = page.getByRole('form', { name: 'New template' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  for (const [index, criterion] of criteria.entries()) {
    await form.getByRole('button', { name: `+ Add criterion to “${GATE_STEPS[criterion.gate].label}”` }).click();
    const inGate = criteria.slice(0, index).filter((c) => c.gate === criterion.gate).length;
    const row = form.getByRole('listitem', { name: `Criterion ${inGate + 1}`, exact: true });
    await row.getByLabel('Kind').selectOption({ label: KIND_LABELS[criterion.kind] });
    if (criterion.role !== undefined) await row.getByLabel('Approver role').fill(criterion.role);
    // The row is named by its label once it has one.
    await row.getByLabel('Label').fill(criterion.label);
  }
  await form.getByRole('button', { name: 'Create template' }).click();
  await form.waitFor({ state: 'detached' });
  await page.getByRole('list', { name: 'Templates' }).getByRole('heading', { name: `${name} v1`, exact: true }).waitFor();
  await nav.getByRole('button', { name: 'Board', exact: true }).click();
  await page.getByRole('button', { name: '+ New handoff' }).waitFor();
}
