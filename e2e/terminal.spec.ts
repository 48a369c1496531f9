import { test, expect } from '@playwright/test';
import { PROMPT_END, openSandbox, terminalText, typeLine, waitForTerminal } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

test('the prompt is ready quickly and kubectl get nodes lists the three nodes', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openSandbox(page);
  // A fresh load (IndexedDB now empty) shows the prompt within ~1.5 s.
  const t0 = Date.now();
  await page.reload();
  await waitForTerminal(page, PROMPT_END, 3000);
  expect(Date.now() - t0).toBeLessThan(1500);
  await typeLine(page, 'kubectl get nodes');
  await waitForTerminal(page, /master\s+Ready\s+control-plane[\s\S]*worker\s+Ready[\s\S]*worker2\s+Ready/);
  expect(await terminalText(page)).toContain('NAME      STATUS   ROLES           AGE   VERSION');
  await page.screenshot({ path: testInfo.outputPath('get-nodes.png') });
  expect(errors).toEqual([]);
});

test('kubectl run, then time passes faster, and the pod is Running', async ({ page }, testInfo) => {
  await openSandbox(page);
  await typeLine(page, 'kubectl run web --image=nginx');
  await waitForTerminal(page, /pod\/web created/);
  await page.getByLabel('Speed').selectOption('16');
  await typeLine(page, 'sleep 30; kubectl get pods');
  await waitForTerminal(page, /web\s+1\/1\s+Running/, 15_000);
  await page.screenshot({ path: testInfo.outputPath('pod-running.png') });
});

test('Ctrl-C interrupts sleep and prints ^C', async ({ page }, testInfo) => {
  await openSandbox(page);
  await typeLine(page, 'sleep 100');
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+c');
  await waitForTerminal(page, /sleep 100\n\^C\nroot@master:~#$/);
  await typeLine(page, 'echo done $?');
  await waitForTerminal(page, /done 130/);
  await page.screenshot({ path: testInfo.outputPath('ctrl-c.png') });
});

test('Ctrl-D leaves a container shell opened with kubectl exec -it, and does nothing at the workstation prompt', async ({ page }, testInfo) => {
  await openSandbox(page);
  await typeLine(page, 'kubectl run web --image=nginx');
  await waitForTerminal(page, /pod\/web created/);
  await page.getByLabel('Speed').selectOption('16');
  await typeLine(page, 'kubectl wait --for=condition=Ready pod/web --timeout=120s');
  await waitForTerminal(page, /pod\/web condition met\nroot@master:~#$/, 15_000);
  await typeLine(page, 'kubectl exec -it web -- bash');
  await waitForTerminal(page, /root@web:\/#$/);
  await typeLine(page, 'hostname');
  await waitForTerminal(page, /^web\nroot@web:\/#$/m);
  // bash says exit on end of input, on the line after its prompt; kubectl then returns to the workstation shell.
  await page.keyboard.press('Control+d');
  await waitForTerminal(page, /^web\nroot@web:\/#\nexit\nroot@master:~#$/m);
  await page.keyboard.press('Control+d');
  await typeLine(page, 'echo $?');
  await waitForTerminal(page, /exit\nroot@master:~# echo \$\?\n0\nroot@master:~#$/);
  await page.screenshot({ path: testInfo.outputPath('ctrl-d.png') });
});

test('line editing, history and Tab completion', async ({ page }, testInfo) => {
  await openSandbox(page);
  await typeLine(page, 'echo one');
  await waitForTerminal(page, /^one$/m);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('two ');
  await page.keyboard.press('Enter');
  await waitForTerminal(page, /^two one$/m);
  // One candidate completes in place; several are listed below the line, as bash does.
  await page.keyboard.type('kubectl get nod');
  await page.keyboard.press('Tab');
  await waitForTerminal(page, /kubectl get nodes$/m);
  await page.keyboard.press('Control+u');
  await page.keyboard.type('kubectl get no');
  await page.keyboard.press('Tab');
  await waitForTerminal(page, /kubectl get no\nno\s+nodes\nroot@master:~# kubectl get no$/);
  await page.keyboard.press('Control+c');
  await typeLine(page, 'echo err >&2');
  await waitForTerminal(page, /^err$/m);
  await page.screenshot({ path: testInfo.outputPath('line-editing.png') });
  // Ctrl-L clears the screen and keeps the line being typed.
  await page.keyboard.type('echo kept');
  await page.keyboard.press('Control+l');
  await expect.poll(() => terminalText(page)).toBe('root@master:~# echo kept');
});

test('a multi-line paste runs line by line with PS2 continuations', async ({ page }, testInfo) => {
  await openSandbox(page);
  await page.locator('.terminal-host textarea').focus();
  await page.locator('.terminal-host textarea').evaluate((el) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'echo first\nfor i in 1 2\ndo echo n$i\ndone\necho last\n');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await waitForTerminal(page, /# echo first\nfirst\nroot@master:~# for i in 1 2\n> do echo n\$i\n> done\nn1\nn2\nroot@master:~# echo last\nlast\nroot@master:~#$/);
  await page.screenshot({ path: testInfo.outputPath('paste.png') });
});

test('a command printing 100,000 lines is capped and the page stays responsive', async ({ page }, testInfo) => {
  await openSandbox(page);
  const t0 = Date.now();
  await typeLine(page, 'seq 100000');
  await waitForTerminal(page, /\n5000\nhint: output capped at 5,000 lines or 1 MB; 95,000 more not shown \(try \| tail or \| grep\)\nroot@master:~#$/, 15_000);
  expect(Date.now() - t0).toBeLessThan(8000);
  await typeLine(page, 'echo still here');
  await waitForTerminal(page, /^still here$/m);
  await page.screenshot({ path: testInfo.outputPath('output-cap.png') });
});
