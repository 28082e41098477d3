import type { Page } from 'playwright-core';

// Filling the console's command forms (apps/console/src/commands) the way a
// person does: by the field's input (id cmd-<path>), clicking and typing.

export type FieldInput =
  | { text: string }
  | { number: number }
  | { radio: string }
  | { check: string[] }
  | { select: string | string[] }
  | { date: string }
  | { dateTime: string }
  | { switch: boolean };

/** Fills fields by path ("party-name", "penalty-fineAmount") with what a person would enter. */
export async function fillCommand(page: Page, fields: Record<string, FieldInput>): Promise<void> {
  for (const [path, input] of Object.entries(fields)) {
    const field = page.locator(`#cmd-${path}`);
    if ('text' in input) {
      await field.fill(input.text);
    } else if ('number' in input) {
      await field.fill(String(input.number));
    } else if ('radio' in input) {
      await field.getByLabel(input.radio, { exact: true }).check();
    } else if ('check' in input) {
      for (const label of input.check) await field.getByLabel(label, { exact: true }).check();
    } else if ('select' in input) {
      const wanted = Array.isArray(input.select) ? input.select : [input.select];
      const multiple = Array.isArray(input.select);
      if (multiple) {
        // Start from nothing chosen: remove what the form started with.
        const item = page.locator('.ant-form-item', { has: field });
        for (;;) {
          const removers = item.locator('.ant-select-selection-item-remove');
          if ((await removers.count()) === 0) break;
          await removers.first().click();
        }
      }
      for (const option of wanted) {
        await field.click();
        await field.fill(option);
        const listbox = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first();
        await listbox.waitFor();
        await listbox.click();
      }
      if (multiple) await page.keyboard.press('Escape');
    } else if ('date' in input || 'dateTime' in input) {
      const text = 'date' in input ? input.date : input.dateTime;
      await field.click();
      await field.fill(text);
      await field.press('Enter');
    } else if ('switch' in input) {
      if ((await field.getAttribute('aria-checked')) !== String(input.switch)) await field.click();
    }
  }
}

/** Submits the open command form. */
export async function submitCommand(page: Page): Promise<void> {
  await page.getByTestId('command-submit').click();
}
