import { test, expect, type Page } from '@playwright/test';
import { openSandbox, typeLine, waitForTerminal, PROMPT_END } from './helpers';

test.use({ viewport: { width: 1440, height: 900 } });

// The rollout demo of Kubernetes in Action chapter 9 with readiness and maxUnavailable: 0, so that
// no request fails while kubia v1 is replaced by v2.
const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 3
  minReadySeconds: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: luksa/kubia:v1
        ports:
        - containerPort: 8080
        readinessProbe:
          periodSeconds: 1
          httpGet:
            path: /
            port: 8080`;

/** shares reads the Rollout tab's live share (last 10 s, %) of v1 and v2 and the failure count. */
async function shares(page: Page): Promise<{ v1: number; v2: number; failed: number; sent: number }> {
  const read = async (testId: string, attr: string) => {
    const el = page.getByTestId(testId);
    return (await el.count()) ? Number(await el.getAttribute(attr)) : 0;
  };
  return {
    v1: await read('traffic-version-v1', 'data-recent-share'),
    v2: await read('traffic-version-v2', 'data-recent-share'),
    failed: await read('traffic-totals', 'data-failures'),
    sent: await read('traffic-totals', 'data-sent'),
  };
}

test('the traffic generator shows answers moving from kubia v1 to v2 with no failed request', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openSandbox(page);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');

  await typeLine(page, "cat > kubia.yaml <<'EOF'");
  for (const line of MANIFEST.split('\n')) await typeLine(page, line);
  await typeLine(page, 'EOF');
  await waitForTerminal(page, PROMPT_END);
  await typeLine(page, 'kubectl apply -f kubia.yaml');
  await waitForTerminal(page, /deployment.apps\/kubia created\n/);
  await typeLine(page, 'kubectl expose deployment kubia --port=80 --target-port=8080');
  await waitForTerminal(page, /service\/kubia exposed\n/);

  await page.getByRole('tab', { name: 'Rollout' }).click();
  const panel = page.getByTestId('rollout-panel');
  await expect(page.getByTestId('rollout-rs-1')).toHaveAttribute('data-ready', '3', { timeout: 30_000 });
  await expect(page.getByTestId('rollout-summary')).toHaveAttribute('data-state', 'complete', { timeout: 30_000 });

  // Start the generator from the panel: the command is typed into the terminal.
  const traffic = panel.getByTestId('traffic-panel');
  await expect(traffic.getByRole('combobox', { name: 'Service' })).toHaveValue('kubia');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('2');
  await traffic.getByRole('button', { name: 'Start traffic' }).click();
  await waitForTerminal(page, /sandbox traffic svc\/kubia --rps 5\ntraffic generator traffic-1 started: 5 requests\/s from node\/master to svc\/kubia in namespace "default"\n/);
  await expect(page.getByTestId('traffic-version-v1')).toHaveAttribute('data-recent-share', '100', { timeout: 15_000 });
  // Requests travel on the map as dots in revision 1's colour.
  await expect.poll(() => page.locator('.traffic-dot').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('traffic-v1.png') });

  await typeLine(page, 'kubectl set image deployment/kubia kubia=luksa/kubia:v2');
  await waitForTerminal(page, /deployment.apps\/kubia image updated\n/);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');

  // Sample the shares as they move until v2 answers everything; nothing may fail on the way.
  const seen: string[] = [];
  let mixed = false;
  let shot = false;
  await expect.poll(async () => {
    const s = await shares(page);
    const text = `v1 ${s.v1}% v2 ${s.v2}% failed ${s.failed}`;
    if (seen[seen.length - 1] !== text) seen.push(text);
    expect(s.failed).toBe(0);
    if (s.v1 > 0 && s.v2 > 0) {
      mixed = true;
      if (!shot && s.v2 >= 30) { shot = true; await page.screenshot({ path: testInfo.outputPath('traffic-mixed.png') }); }
    }
    return s.v2;
  }, { timeout: 90_000, intervals: [200] }).toBe(100);
  testInfo.annotations.push({ type: 'shares', description: seen.join(' | ') });
  expect(mixed).toBe(true);
  await expect(page.getByTestId('rollout-summary')).toHaveAttribute('data-state', 'complete', { timeout: 30_000 });
  const end = await shares(page);
  expect(end.failed).toBe(0);
  expect(end.sent).toBeGreaterThan(100);
  await page.screenshot({ path: testInfo.outputPath('traffic-v2.png') });
  await page.getByRole('button', { name: 'Presentation mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'on');
  await page.screenshot({ path: testInfo.outputPath('traffic-v2-presentation.png') });
  await page.getByRole('button', { name: 'Presentation mode' }).click();

  // Stop from the panel; the terminal reports the totals.
  await waitForTerminal(page, PROMPT_END);
  await traffic.getByRole('button', { name: 'Stop traffic' }).click();
  await waitForTerminal(page, /sandbox traffic stop traffic-1\ntraffic generator traffic-1 stopped: \d+ requests, 0 failed\n/);
  await expect(traffic.getByRole('button', { name: 'Start traffic' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('probe traffic can be shown on the map and hidden again', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openSandbox(page);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await typeLine(page, 'kubectl create deployment web --image=nginx --replicas=2');
  await waitForTerminal(page, /deployment.apps\/web created\n/);
  await typeLine(page, `kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","readinessProbe":{"periodSeconds":1,"httpGet":{"path":"/","port":80}}}]}}}}'`);
  await waitForTerminal(page, /deployment.apps\/web patched\n/);
  const probes = page.getByRole('checkbox', { name: 'Probes' });
  await expect(probes).not.toBeChecked();
  await probes.check();
  await expect.poll(() => page.locator('.traffic-dot.is-probe').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('traffic-probes.png') });
  await probes.uncheck();
  await page.waitForTimeout(1500);
  await expect(page.locator('.traffic-dot.is-probe')).toHaveCount(0);
});
