import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { PROMPT_END, openSandbox, terminalText, typeLine, waitForTerminal } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

test('reset (after confirming) starts a fresh cluster', async ({ page }, testInfo) => {
  await openSandbox(page);
  await typeLine(page, 'kubectl create namespace gone');
  await waitForTerminal(page, /namespace\/gone created/);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Reset cluster' }).click();
  await expect.poll(() => terminalText(page)).not.toContain('namespace/gone created');
  await waitForTerminal(page, PROMPT_END);
  await typeLine(page, 'kubectl get ns gone');
  await waitForTerminal(page, /Error from server \(NotFound\): namespaces "gone" not found/);
  await page.screenshot({ path: testInfo.outputPath('reset.png') });
});

test('export to a file and import it back', async ({ page }, testInfo) => {
  await openSandbox(page);
  await typeLine(page, 'kubectl create namespace saved-ns');
  await waitForTerminal(page, /namespace\/saved-ns created/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export sandbox to a file' }).click();
  const file = testInfo.outputPath('export.json');
  await (await download).saveAs(file);
  const saved = JSON.parse(await readFile(file, 'utf8')) as { format: string; log: Array<{ kind: string; input?: string }> };
  expect(saved.format).toBe('kube-sandbox');
  expect(saved.log.some((e) => e.input === 'kubectl create namespace saved-ns\n')).toBe(true);

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Reset cluster' }).click();
  await expect.poll(() => terminalText(page)).not.toContain('saved-ns');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import sandbox from a file' }).click();
  await (await chooser).setFiles(file);
  await waitForTerminal(page, /namespace\/saved-ns created\nroot@master:~#$/);
  await typeLine(page, 'kubectl get ns saved-ns -o name');
  await waitForTerminal(page, /^namespace\/saved-ns$/m);
  await page.screenshot({ path: testInfo.outputPath('import.png') });
});

test('a shared link recreates files and runs its commands', async ({ page }, testInfo) => {
  const scenario = { files: { 'hello.txt': 'from the link\n' }, commands: ['cat hello.txt', 'kubectl create namespace shared'] };
  const hash = '#scenario=' + Buffer.from(JSON.stringify(scenario)).toString('base64url');
  await openSandbox(page);
  await page.goto('/' + hash);
  await waitForTerminal(page, /# cat hello.txt\nfrom the link\nroot@master:~# kubectl create namespace shared\nnamespace\/shared created\nroot@master:~#$/);
  // The hash is dropped so a reload continues this session instead of starting the scenario again.
  expect(new URL(page.url()).hash).toBe('');
  await page.screenshot({ path: testInfo.outputPath('shared-link.png') });
});
