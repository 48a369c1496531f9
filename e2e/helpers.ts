import { expect, type Page } from '@playwright/test';

/** PROMPT_END matches a terminal whose last line is an empty prompt (rows are right-trimmed). */
export const PROMPT_END = /root@master:~#$/;

/** terminalText reads the terminal's visible rows from xterm's DOM renderer. */
export async function terminalText(page: Page): Promise<string> {
  return page.locator('.terminal-host .xterm-rows').evaluate((el) =>
    [...el.children].map((row) => (row.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).join('\n').replace(/\n+$/, ''));
}

/** waitForTerminal waits until the terminal's text matches. */
export async function waitForTerminal(page: Page, pattern: RegExp, timeout = 10_000): Promise<void> {
  await expect.poll(() => terminalText(page), { timeout }).toMatch(pattern);
}

/** openSandbox loads the page (with a clean IndexedDB unless keep) and waits for the first prompt. */
export async function openSandbox(page: Page, opts: { clean?: boolean } = {}): Promise<void> {
  await page.goto('/');
  if (opts.clean !== false) {
    await page.evaluate(() => new Promise<void>((resolve) => {
      const req = indexedDB.deleteDatabase('kube-sandbox');
      req.onsuccess = req.onerror = req.onblocked = () => resolve();
      localStorage.clear();
    }));
    await page.reload();
  }
  await waitForTerminal(page, PROMPT_END);
}

/** typeLine types a command into the terminal and presses Enter. */
export async function typeLine(page: Page, line: string): Promise<void> {
  await page.locator('.terminal-host textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}
