import { test, expect } from '@playwright/test';
import { PROMPT_END, openSandbox, terminalText, typeLine, waitForTerminal } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

/** virtualSeconds reads the displayed virtual time as seconds since midnight. */
async function virtualSeconds(page: import('@playwright/test').Page): Promise<number> {
  const text = (await page.getByLabel('Virtual time').textContent()) ?? '';
  const m = /(\d\d):(\d\d):(\d\d)/.exec(text);
  if (!m) throw new Error(`no time in ${JSON.stringify(text)}`);
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

test('time controls pause, step and change speed of the displayed virtual time', async ({ page }, testInfo) => {
  await openSandbox(page);
  await page.getByRole('button', { name: 'Pause time' }).click();
  await expect(page.getByLabel('Virtual time')).toContainText('(paused)');
  const paused = await virtualSeconds(page);
  await page.waitForTimeout(1200);
  expect(await virtualSeconds(page)).toBe(paused);
  await page.getByRole('button', { name: 'Step 10 seconds' }).click();
  await expect.poll(() => virtualSeconds(page)).toBe(paused + 10);
  await page.getByRole('button', { name: 'Step 1 second' }).click();
  await expect.poll(() => virtualSeconds(page)).toBe(paused + 11);
  // A sleep waits in virtual time: paused, it does not finish; stepping finishes it.
  await typeLine(page, 'sleep 5; echo woke');
  await page.waitForTimeout(800);
  expect(await terminalText(page)).not.toMatch(/^woke$/m);
  await page.getByRole('button', { name: 'Step 10 seconds' }).click();
  await waitForTerminal(page, /^woke$/m);
  await page.getByRole('button', { name: 'Resume time' }).click();
  await page.getByLabel('Speed').selectOption('16');
  const before = await virtualSeconds(page);
  await page.waitForTimeout(1000);
  // At 16× one real second moves virtual time by about 16 s.
  expect(await virtualSeconds(page) - before).toBeGreaterThanOrEqual(10);
  await page.screenshot({ path: testInfo.outputPath('time-controls.png') });
});

test('a reload keeps terminal history, files and the pod', async ({ page }, testInfo) => {
  await openSandbox(page);
  await typeLine(page, 'kubectl run web --image=nginx');
  await waitForTerminal(page, /pod\/web created/);
  await typeLine(page, 'echo hello > notes.txt');
  await page.getByLabel('Speed').selectOption('16');
  await typeLine(page, 'sleep 20; kubectl get pods');
  await waitForTerminal(page, /web\s+1\/1\s+Running/, 15_000);
  // Give the checkpoint (sent at most every 80 ms after a change) time to reach IndexedDB.
  await page.waitForTimeout(500);
  await page.reload();
  await waitForTerminal(page, PROMPT_END);
  // The replayed session is shown again, and history is back.
  expect(await terminalText(page)).toContain('pod/web created');
  await page.locator('.terminal-host textarea').focus();
  await page.keyboard.press('ArrowUp');
  await waitForTerminal(page, /root@master:~# sleep 20; kubectl get pods$/);
  await page.keyboard.press('Control+u');
  await typeLine(page, 'kubectl get pods; cat notes.txt');
  await waitForTerminal(page, /web\s+1\/1\s+Running[\s\S]*\nhello\n/);
  await expect(page.getByLabel('Speed')).toHaveValue('16');
  await page.screenshot({ path: testInfo.outputPath('reload.png') });
});

test('a crashed worker is restarted from the last saved state', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openSandbox(page);
  await typeLine(page, 'kubectl create namespace team-a');
  await waitForTerminal(page, /namespace\/team-a created/);
  await page.waitForTimeout(300);
  // Throw inside the worker itself (as an engine bug would): the UI sees its error event.
  const [worker] = page.workers();
  await worker.evaluate(() => { setTimeout(() => { throw new Error('simulated engine bug'); }); });
  await expect(page.getByRole('alert')).toContainText(/restarted from the last saved state/, { timeout: 10_000 });
  await waitForTerminal(page, PROMPT_END);
  await typeLine(page, 'kubectl get ns team-a');
  await waitForTerminal(page, /team-a\s+Active/);
  await page.screenshot({ path: testInfo.outputPath('worker-restart.png') });
  expect(errors).toEqual([]);
});

test('help overlay, theme and presentation mode', async ({ page }, testInfo) => {
  await openSandbox(page);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.keyboard.press('Alt+M');
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'on');
  await typeLine(page, 'kubectl get nodes');
  await waitForTerminal(page, /worker2\s+Ready/);
  await page.screenshot({ path: testInfo.outputPath('light-presentation.png') });
  await page.keyboard.press('F1');
  await page.screenshot({ path: testInfo.outputPath('help.png') });
});
