import { test as base, expect } from "@playwright/test";

export type { APIRequestContext, Page } from "@playwright/test";
export { expect };

/**
 * Playwright's test, failing any test during which the browser refused something under the
 * Content-Security-Policy (a script without the nonce, an inline handler, a framed page…): the
 * whole suite runs under the production policy.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (
          /Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(
            message.text(),
          )
        ) {
          violations.push(message.text());
        }
      });
      await use(violations);
      expect(violations, "CSP violations in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});
