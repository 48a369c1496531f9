/**
 * Browser benchmark (Debian Chromium through Playwright): prints one `name value unit` line per figure.
 * Targets: initial JS <= 250 KB gzip, first prompt <= 1.5 s, map >= 30 fps during a 300-pod rollout,
 * no main-thread long task over 50 ms, heap <= 200 MB at 1,000 pods (the page's and the engine worker's,
 * the latter read over the DevTools protocol because workers have no performance.memory).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';

const PORT = 4190;
const line = (name: string, value: number, unit: string) => console.log(`${name} ${Number(value.toFixed(2))} ${unit}`);

function initialJsGzipKb(): number {
  const html = readFileSync('dist/index.html', 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(`dist/${f}`)).length, 0) / 1024;
}

async function run(page: Page, cmd: string): Promise<void> {
  await page.locator('.terminal-host textarea').focus();
  await page.keyboard.type(cmd);
  await page.keyboard.press('Enter');
}

// podCount reads the map toolbar's "N pods · M nodes" summary.
async function podCount(page: Page): Promise<number> {
  const text = await page.getByText(/\d+ pods · \d+ nodes/).first().textContent().catch(() => '');
  return Number(/(\d+) pods/.exec(text ?? '')?.[1] ?? 0);
}

// workerHeapBytes asks the engine worker for Runtime.getHeapUsage through the page's DevTools session
// (workers have no performance.memory; auto-attach reaches the already-running dedicated worker).
async function workerHeapBytes(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const sessions: string[] = [];
  cdp.on('Target.attachedToTarget', (e) => { if (e.targetInfo.type === 'worker') sessions.push(e.sessionId); });
  const reply = new Promise<number>((resolve) => {
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
      if (m.id === 1 && m.result) resolve(m.result.usedSize);
    });
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  for (let i = 0; i < 20 && !sessions.length; i++) await page.waitForTimeout(100);
  if (!sessions.length) return 0;
  await cdp.send('Target.sendMessageToTarget', { sessionId: sessions[0], message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
  return Promise.race([reply, page.waitForTimeout(5000).then(() => 0)]);
}

async function main() {
  spawnSync('npx', ['vite', 'build'], { stdio: 'ignore' });
  line('initial_js_gzip', initialJsGzipKb(), 'KB');
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    for (let i = 0; i < 50; i++) { try { await page.goto(`http://127.0.0.1:${PORT}/`); break; } catch { await new Promise((r) => setTimeout(r, 200)); } }
    const t0 = Date.now();
    await page.reload();
    await page.waitForFunction(() => /root@master:~#/.test(document.querySelector('.terminal-host .xterm-rows')?.textContent ?? ''), undefined, { timeout: 30_000 });
    line('first_prompt', Date.now() - t0, 'ms');

    await page.getByLabel('Speed').selectOption('16');
    await run(page, 'kubectl create deployment web --image=nginx:1.26 --replicas=300');
    for (let i = 0; i < 60 && (await podCount(page)) < 300 + 9; i++) await page.waitForTimeout(500);
    await page.waitForTimeout(3000);
    // A script string, not a function: tsx would wrap named functions in a helper the page does not have.
    await page.evaluate(`(() => {
      const w = window;
      w.__bench = { frames: 0, longest: 0 };
      const tick = () => { w.__bench.frames++; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__bench.longest = Math.max(w.__bench.longest, e.duration); }).observe({ type: 'longtask' });
    })()`);
    await run(page, 'kubectl set image deployment/web nginx=nginx:1.27');
    const seconds = 8;
    await page.waitForTimeout(seconds * 1000);
    const m = (await page.evaluate('window.__bench')) as { frames: number; longest: number };
    line('map_fps_during_300_pod_rollout', m.frames / seconds, 'fps');
    line('main_thread_longest_task', m.longest, 'ms');

    await run(page, 'kubectl create deployment big --image=nginx --replicas=700');
    for (let i = 0; i < 60 && (await podCount(page)) < 1000; i++) await page.waitForTimeout(500);
    line('pods_on_map', await podCount(page), 'pods');
    const heapExpr = 'performance.memory ? performance.memory.usedJSHeapSize : 0';
    const mainHeap = (await page.evaluate(heapExpr)) as number;
    line('heap_main_thread_at_1000_pods', mainHeap / 1024 / 1024, 'MB');
    line('heap_worker_at_1000_pods', (await workerHeapBytes(page)) / 1024 / 1024, 'MB');
  } finally {
    await browser.close();
    try { process.kill(-server.pid!); } catch { /* already gone */ }
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
