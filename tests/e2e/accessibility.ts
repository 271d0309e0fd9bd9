import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * An automated WCAG 2.1 A/AA audit (axe-core) of what the page shows now: a screen, or a screen
 * with a dialog open. Every screen and dialog a spec reaches is audited; none may have a
 * violation. The message names each rule, its impact and the elements, so a failure says what
 * to fix.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes
        .slice(0, 5)
        .map(
          (node) =>
            `  ${node.target.join(' ')} — ${node.failureSummary?.split('\n').at(-1)?.trim()}`,
        )
        .join('\n')}`,
  );
  expect(found, `accessibility of ${what}`).toEqual([]);
}
