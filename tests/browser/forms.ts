import type { Locator, Page } from 'playwright-core';

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
  | { switch: boolean }
  /** Adds rows to a list field (the add button under it). */
  | { add: number };

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
          const removers = item.locator('[class*="-item-remove"]');
          if ((await removers.count()) === 0) break;
          await removers.first().click();
        }
      }
      for (const option of wanted) {
        await field.focus();
        await field.fill(option);
        // The filtered list's first option is the active one: Enter chooses it, as a keyboard user does.
        await page.locator('.ant-select-item-option-active', { hasText: option }).last().waitFor();
        await field.press('Enter');
        await page.locator('.ant-form-item', { has: field }).locator(`[title^="${option}"]`).first().waitFor();
      }
      // Leaving the field closes its list (Escape would close the drawer once the list is shut).
      await field.blur();
    } else if ('date' in input) {
      // Typed, then left: Enter would submit the whole form.
      await field.click();
      await field.fill(input.date);
      await field.press('Tab');
    } else if ('dateTime' in input) {
      await field.click();
      await field.fill(input.dateTime);
      await page.locator('.ant-picker-dropdown:visible .ant-picker-ok button').click();
    } else if ('add' in input) {
      for (let i = 0; i < input.add; i++) await page.getByTestId(`add-${path}`).click();
    } else if ('switch' in input) {
      if ((await field.getAttribute('aria-checked')) !== String(input.switch)) await field.click();
    }
  }
}

/** Submits the open command form. */
export async function submitCommand(page: Page): Promise<void> {
  await page.getByTestId('command-submit').click();
}

/**
 * Chooses `option` in a single select by clicking, as a person with a mouse
 * does: opens the list, clicks the option, waits until the select shows it.
 * A click that lands while the list is still opening or closing is lost in
 * antd; then the list is opened again (three tries, each noted on stderr).
 */
export async function chooseOption(page: Page, combobox: Locator, option: string): Promise<void> {
  const select = combobox.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  // antd 6 shows a single select's value in its content box, marked once it has one.
  const chosen = select.locator('.ant-select-content-has-value', { hasText: option }).first();
  for (let attempt = 1; ; attempt++) {
    if ((await combobox.getAttribute('aria-expanded')) !== 'true') await combobox.click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
    try {
      await chosen.waitFor({ timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      console.error(`chooseOption: "${option}" not shown after click ${attempt}; opening the list again`);
    }
  }
}
