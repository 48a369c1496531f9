import { test, expect } from '@playwright/test';
import { openSandbox, typeLine, waitForTerminal } from './helpers';

test.use({ viewport: { width: 1440, height: 900 } });

test('the map shows the three nodes with the kube-system pods on them', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openSandbox(page);
  const map = page.getByTestId('cluster-map');
  for (const n of ['master', 'worker', 'worker2']) await expect(map.getByTestId(`map-node-${n}`)).toBeVisible();
  await expect(map.getByTestId('map-node-master')).toContainText('control-plane');
  await expect(map.getByTestId('map-node-worker')).toContainText('Ready');
  // Static control-plane pods and the DaemonSet's kube-proxy pods, all Running.
  await expect(map.locator('[data-testid^="map-pod-etcd-"]')).toHaveAttribute('data-status', 'Running');
  await expect(map.locator('[data-testid^="map-pod-kube-proxy-"]')).toHaveCount(3);
  await expect(map.locator('[data-testid^="map-pod-coredns-"]').first()).toHaveAttribute('data-status', 'Running');
  await page.screenshot({ path: testInfo.outputPath('map-nodes.png') });
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await page.waitForTimeout(500); // colours fade over 300 ms
  await page.screenshot({ path: testInfo.outputPath('map-nodes-light.png') });
  expect(errors).toEqual([]);
});

test('kubectl run web: a pod appears on a worker and turns Running', async ({ page }, testInfo) => {
  await openSandbox(page);
  await page.getByLabel('Namespace filter').selectOption('default');
  await typeLine(page, 'kubectl run web --image=nginx');
  await waitForTerminal(page, /pod\/web created/);
  const pod = page.getByTestId('map-pod-web');
  await expect(pod).toBeVisible();
  // The pod sits inside a worker's container, never on the control plane (it has the NoSchedule taint).
  const host = await pod.evaluate((el) => el.closest('.react-flow__node')?.getAttribute('data-id') ?? '');
  expect(host).toBe('pod:default/web');
  const box = await pod.boundingBox();
  const workers = await Promise.all(['worker', 'worker2'].map((n) => page.getByTestId(`map-node-${n}`).boundingBox()));
  const inside = workers.some((w) => w && box && box.x >= w.x && box.x + box.width <= w.x + w.width && box.y >= w.y && box.y + box.height <= w.y + w.height);
  expect(inside).toBe(true);
  await expect(pod).toHaveAttribute('data-status', 'Running', { timeout: 20_000 });
  await page.screenshot({ path: testInfo.outputPath('map-web-running.png') });
});

test('owner chains, Services linked to endpoint pods, label filter, and big groups collapse beyond 200 pods', async ({ page }, testInfo) => {
  await openSandbox(page);
  await typeLine(page, 'kubectl create deployment web --image=nginx --replicas=3 && kubectl expose deployment web --port=80');
  await waitForTerminal(page, /service\/web exposed/);
  const map = page.getByTestId('cluster-map');
  await page.getByLabel('Namespace filter').selectOption('default');
  await map.getByLabel('Owners').check();
  await expect(map.locator('.react-flow__node[data-id="owner:Deployment:default/web"]')).toContainText('3/3 ready', { timeout: 20_000 });
  await expect(map.locator('.react-flow__node[data-id^="owner:ReplicaSet:default/web-"]')).toBeVisible();
  await expect(map.locator('[data-testid^="map-pod-web-"][data-status="Running"]')).toHaveCount(3);
  await expect(map.getByTestId('map-svc-web')).toContainText('3 ep');
  await expect(map.locator('.react-flow__edge.map-edge--owner')).not.toHaveCount(0);
  await expect(map.locator('.react-flow__edge.map-edge--endpoint')).not.toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('map-owners.png') });

  await map.getByLabel('Label filter').fill('app=nothing');
  await expect(map.locator('[data-testid^="map-pod-web-"]')).toHaveCount(0);
  await map.getByLabel('Label filter').fill('');

  await typeLine(page, 'kubectl scale deployment web --replicas=205');
  await waitForTerminal(page, /deployment\.apps\/web scaled/);
  await map.getByLabel('Owners').uncheck();
  await expect(map.getByText('205 pods · 3 nodes')).toBeVisible({ timeout: 20_000 });
  const groups = map.locator('.map-group.is-collapsed');
  await expect(groups).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('map-205-collapsed.png') });
  await groups.first().getByRole('button', { name: /Expand/ }).click();
  await expect(map.locator('.map-group.is-collapsed')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('map-205-expanded.png') });
});

test('crashing pods turn red with a restart badge; a deleted pod fades while Terminating', async ({ page }, testInfo) => {
  await openSandbox(page);
  await page.getByLabel('Namespace filter').selectOption('default');
  await typeLine(page, 'kubectl run crash --image=busybox -- sh -c "exit 1"');
  // busybox `sleep` as PID 1 ignores SIGTERM, so the pod stays Terminating for its 30 s grace period.
  await typeLine(page, 'kubectl run web --image=busybox -- sleep 3600');
  await page.getByLabel('Speed').selectOption('16');
  const crash = page.getByTestId('map-pod-crash');
  await expect(crash).toHaveAttribute('data-status', 'CrashLoopBackOff', { timeout: 20_000 });
  await expect(crash).toHaveClass(/tone-failed/);
  await expect(crash.locator('.map-pod__restarts')).toContainText(/↻[1-9]/);
  await expect(page.getByTestId('map-pod-web')).toHaveAttribute('data-status', 'Running', { timeout: 20_000 });
  await page.getByLabel('Speed').selectOption('1');
  await typeLine(page, 'kubectl delete pod web --wait=false');
  await expect(page.getByTestId('map-pod-web')).toHaveAttribute('data-status', 'Terminating');
  await expect(page.getByTestId('map-pod-web')).toHaveClass(/tone-terminating/);
  await page.screenshot({ path: testInfo.outputPath('map-crash-terminating.png') });
});
