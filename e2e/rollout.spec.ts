import { test, expect, type Page } from '@playwright/test';
import { openSandbox, typeLine, waitForTerminal, PROMPT_END } from './helpers';

test.use({ viewport: { width: 1440, height: 900 } });

/** counts reads one ReplicaSet card's desired/current/ready, or null when it is not shown. */
async function counts(page: Page, revision: string): Promise<{ desired: number; current: number; ready: number } | null> {
  const card = page.getByTestId(`rollout-rs-${revision}`);
  if ((await card.count()) === 0) return null;
  const get = async (a: string) => Number(await card.getAttribute(`data-${a}`));
  return { desired: await get('desired'), current: await get('current'), ready: await get('ready') };
}

test('the Rollout tab shows old and new ReplicaSets side by side while kubia rolls from v1 to v2', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openSandbox(page);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');
  await typeLine(page, 'kubectl create deployment kubia --image=luksa/kubia:v1 --replicas=3');
  await waitForTerminal(page, /deployment.apps\/kubia created\n/);

  await page.getByRole('tab', { name: 'Rollout' }).click();
  const panel = page.getByTestId('rollout-panel');
  await expect(panel.getByRole('combobox', { name: 'Deployment' })).toHaveValue('default/kubia');
  await expect(page.getByTestId('rollout-rs-1')).toHaveAttribute('data-ready', '3', { timeout: 30_000 });
  await expect(page.getByTestId('rollout-summary')).toHaveAttribute('data-state', 'complete');
  await expect(page.getByTestId('rollout-surge')).toContainText('pods: 3 of max 4 (surge +1)');
  await expect(page.getByTestId('rollout-available')).toContainText('available: 3 of min 3 (3 − 0 unavailable)');

  // Slow motion from the panel, then roll to v2.
  await panel.getByRole('button', { name: 'Speed 1×' }).click();
  await expect(panel.getByRole('button', { name: 'Speed 1×' })).toHaveAttribute('aria-pressed', 'true');
  await typeLine(page, 'kubectl set image deployment/kubia kubia=luksa/kubia:v2');
  await waitForTerminal(page, /deployment.apps\/kubia image updated\n/);
  await expect(page.getByTestId('rollout-rs-2')).toBeVisible();
  await expect(page.getByTestId('rollout-rs-2')).toContainText('luksa/kubia:v2');
  await expect(page.getByTestId('rollout-rs-1')).toContainText('luksa/kubia:v1');

  // Pause the rollout from the panel: the command runs in the terminal.
  await waitForTerminal(page, PROMPT_END);
  await panel.getByRole('button', { name: 'Pause rollout' }).click();
  await waitForTerminal(page, /kubectl rollout pause deployment\/kubia\ndeployment.apps\/kubia paused\n/);
  await expect(page.getByTestId('rollout-summary')).toHaveAttribute('data-state', 'paused');
  await panel.getByRole('button', { name: 'Step 1 second' }).click();
  // Both ReplicaSets are shown side by side with pods marked by revision.
  const both = await Promise.all([counts(page, '1'), counts(page, '2')]);
  expect(both[0]?.current).toBeGreaterThan(0);
  expect(both[1]?.current).toBeGreaterThan(0);
  expect(both[1]?.desired).toBeLessThan(3);
  await expect(page.locator('[data-testid^="rollout-pod-"][data-revision="2"]').first()).toContainText('r2');
  await page.screenshot({ path: testInfo.outputPath('rollout-paused.png') });
  await page.getByRole('button', { name: 'Presentation mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'on');
  await page.screenshot({ path: testInfo.outputPath('rollout-paused-presentation.png') });
  await page.getByRole('button', { name: 'Presentation mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'off');

  await panel.getByRole('button', { name: 'Resume rollout' }).click();
  await waitForTerminal(page, /kubectl rollout resume deployment\/kubia\ndeployment.apps\/kubia resumed\n/);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');

  // Sample the counts as they move until the new ReplicaSet has 3 ready and the old one 0.
  const seen: string[] = [];
  await expect.poll(async () => {
    const [o, n] = await Promise.all([counts(page, '1'), counts(page, '2')]);
    const s = `old ${o?.desired}/${o?.current}/${o?.ready} new ${n?.desired}/${n?.current}/${n?.ready}`;
    if (seen[seen.length - 1] !== s) seen.push(s);
    return s;
  }, { timeout: 60_000, intervals: [100] }).toBe('old 0/0/0 new 3/3/3');
  testInfo.annotations.push({ type: 'counts', description: seen.join(' | ') });
  expect(seen.length).toBeGreaterThan(2);
  await expect(page.getByTestId('rollout-summary')).toHaveAttribute('data-state', 'complete');
  await expect(page.locator('[data-testid^="rollout-pod-"][data-revision="2"]')).toHaveCount(3);
  await expect(page.locator('[data-testid^="rollout-pod-"][data-revision="1"]')).toHaveCount(0, { timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath('rollout.png') });

  await page.getByRole('button', { name: 'Presentation mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'on');
  await page.screenshot({ path: testInfo.outputPath('rollout-presentation.png') });
  expect(errors).toEqual([]);
});
