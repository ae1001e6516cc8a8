import type { Page } from 'playwright-core';

/**
 * Gives a person a role in Settings → People (only holders of a role approve
 * for it), then returns to the board. The role is saved when the field loses
 * focus, as a person would do it.
 */
export async function setRole(page: Page, person: string, role: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const field = page.getByLabel(`Role of ${person}`, { exact: true });
  await field.fill(role);
  await field.press('Tab');
  await page.getByText('Role saved').first().waitFor();
  await nav.getByRole('button', { name: 'Board', exact: true }).click();
  await page.getByRole('button', { name: '+ New handoff' }).waitFor();
}
