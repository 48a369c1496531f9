import { test, expect } from '@playwright/test';
import { openSandbox, typeLine, waitForTerminal } from './helpers';

test.use({ viewport: { width: 1440, height: 900 } });

test('clicking a pod shows its live YAML, describe text, events and logs', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openSandbox(page);
  await typeLine(page, 'kubectl run web --image=nginx');
  await waitForTerminal(page, /pod\/web created/);
  const pod = page.getByTestId('map-pod-web');
  await expect(pod).toHaveAttribute('data-status', 'Running', { timeout: 20_000 });
  await pod.click();

  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByTestId('inspector-name')).toHaveText('web');
  // Describe is the first tab: kubectl describe's layout, with the events at the end.
  await expect(inspector.getByTestId('inspector-describe')).toContainText(/Name:\s+web\nNamespace:\s+default/);
  await expect(inspector.getByTestId('inspector-describe')).toContainText(/Successfully assigned default\/web to worker/);

  await inspector.getByRole('tab', { name: 'YAML' }).click();
  const yaml = inspector.getByTestId('inspector-yaml');
  await expect(yaml).toContainText('apiVersion: v1\nkind: Pod\nmetadata:');
  await expect(yaml).toContainText('  - image: nginx');
  await expect(yaml).toContainText('phase: Running');

  await inspector.getByRole('tab', { name: /Events/ }).click();
  const events = inspector.getByTestId('inspector-events');
  await expect(events).toContainText('Scheduled');
  await expect(events).toContainText('Started');

  await inspector.getByRole('tab', { name: 'Logs' }).click();
  await expect(inspector.getByTestId('pod-logs')).toContainText('Configuration complete; ready for start up');

  await inspector.getByRole('tab', { name: 'Related' }).click();
  await expect(inspector).toContainText('Runs on');
  await inspector.getByRole('tab', { name: 'YAML' }).click();
  await page.screenshot({ path: testInfo.outputPath('inspector-pod.png') });
  expect(errors).toEqual([]);
});

test('Exec opens a shell inside the container in the terminal until exit; the events panel lists events newest first', async ({ page }, testInfo) => {
  await openSandbox(page);
  await typeLine(page, 'kubectl run oops --image=no-such-image-xyz');
  await typeLine(page, 'kubectl run web --image=nginx');
  await expect(page.getByTestId('map-pod-web')).toHaveAttribute('data-status', 'Running', { timeout: 20_000 });
  await expect(page.getByTestId('map-pod-oops')).toHaveAttribute('data-status', /ErrImagePull|ImagePullBackOff/, { timeout: 20_000 });
  await page.getByTestId('map-pod-web').click();
  await page.getByTestId('inspector').getByRole('button', { name: 'Exec' }).click();
  await waitForTerminal(page, /kubectl exec -it web -- sh/);
  // Exec leaves the keyboard in the terminal, inside the container's shell (nginx's dash prompt `# `).
  await waitForTerminal(page, /^#\s*$/m);
  await page.keyboard.type('hostname');
  await page.keyboard.press('Enter');
  await waitForTerminal(page, /^# hostname\nweb$/m);
  await page.screenshot({ path: testInfo.outputPath('exec-shell.png') });
  await page.keyboard.type('exit');
  await page.keyboard.press('Enter');
  await waitForTerminal(page, /^# exit\nroot@master:~#\s*$/m);

  await page.getByRole('tab', { name: 'Events', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Events' });
  await expect(panel.locator('thead')).toContainText('LAST SEEN');
  await panel.getByLabel('Filter by object').fill('pod/web');
  const rows = panel.locator('tbody tr');
  await expect(rows.first()).toContainText('pod/web');
  await expect(rows.first()).toContainText('Started');
  await expect(rows.filter({ hasText: 'Scheduled' })).toHaveCount(1);
  await panel.getByLabel('Filter by object').fill('');
  await panel.getByLabel('Filter by type').selectOption('Warning');
  await expect(rows.first()).toHaveClass(/is-warning/);
  await expect(rows.first()).toContainText('pod/oops');
  await page.screenshot({ path: testInfo.outputPath('events-panel.png') });
  await panel.getByLabel('Filter by type').selectOption('');
  await page.screenshot({ path: testInfo.outputPath('events-panel-all.png') });
});
