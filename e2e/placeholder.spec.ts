import { test, expect } from '@playwright/test';

test('the page loads, names the product and shows how to run the headless sandbox', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page).toHaveTitle('Kube Sandbox');
  await expect(page.getByRole('heading', { name: 'Kube Sandbox' })).toBeVisible();
  await expect(page.getByLabel('headless example')).toContainText('npm run -s sandbox');
  await page.screenshot({ path: testInfo.outputPath('placeholder.png') });
  expect(errors).toEqual([]);
});
