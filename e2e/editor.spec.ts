import { test, expect, type Page } from '@playwright/test';
import { openSandbox, typeLine, waitForTerminal } from './helpers';

test.use({ viewport: { width: 1440, height: 900 } });

/** writeFile creates a file from the terminal with a quoted here-document. */
async function writeFile(page: Page, name: string, lines: string[]): Promise<void> {
  await typeLine(page, `cat > ${name} <<'EOF'`);
  for (const l of lines) await typeLine(page, l);
  await typeLine(page, 'EOF');
}

test('open kubia-manual.yaml from the tree and Apply: the terminal shows kubectl apply and its output', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openSandbox(page);
  await page.getByRole('tab', { name: 'Editor', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.getByRole('treeitem').filter({ hasText: 'kubia-manual.yaml' }).getByRole('button').click();
  await expect(editor.locator('.monaco-editor .view-lines')).toContainText('name: kubia-manual');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await waitForTerminal(page, /kubectl apply -f ~\/kubia-manual\.yaml\npod\/kubia-manual created/);
  await expect(editor.getByTestId('apply-result')).toContainText('pod/kubia-manual created');
  await expect(page.getByTestId('map-pod-kubia-manual')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('editor-apply.png') });
  expect(errors).toEqual([]);
});

test('vim opens a file in the editor; Apply of an invalid manifest marks the bad lines', async ({ page }, testInfo) => {
  await openSandbox(page);
  await writeFile(page, 'bad.yaml', [
    'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: bad', 'spec:', '  containers:', '  - name: c', '    imagePullPolicy: Sometimes',
  ]);
  await typeLine(page, 'vim bad.yaml');
  const editor = page.getByRole('region', { name: 'Editor' });
  await expect(editor.getByRole('tab', { name: /bad\.yaml/ })).toBeVisible();
  await expect(editor.locator('.monaco-editor .view-lines')).toContainText('imagePullPolicy: Sometimes');
  await expect(editor).toContainText('The terminal waits for this file');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await waitForTerminal(page, /kubectl apply -f ~\/bad\.yaml\nThe Pod "bad" is invalid:/);
  const markers = editor.getByTestId('apply-markers');
  await expect(markers).toContainText('Line 7: spec.containers[0].image: Required value');
  await expect(markers).toContainText('Line 8: spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes"');
  await expect(editor.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('editor-markers.png') });
});

test('schema validation, hover and completion come from the Kubernetes schemas', async ({ page }, testInfo) => {
  await openSandbox(page);
  await writeFile(page, 'typo.yaml', ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  replicas: many', '  selektor: {}']);
  await typeLine(page, 'vim typo.yaml');
  const editor = page.getByRole('region', { name: 'Editor' });
  await expect(editor.locator('.monaco-editor .view-lines')).toContainText('selektor');
  // monaco-yaml marks the wrong type and the unknown field without any Apply.
  await expect(editor.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning')).not.toHaveCount(0, { timeout: 15_000 });
  // Hover (from the keyboard: Ctrl+K Ctrl+I) shows the field's description from the schema.
  await editor.locator('.monaco-editor .view-line span', { hasText: /^replicas$/ }).first().click();
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Control+i');
  await expect(page.locator('.monaco-hover:not(.hidden)')).toContainText(/number of desired pods/i, { timeout: 10_000 });
  await page.screenshot({ path: testInfo.outputPath('editor-schema.png') });
  await editor.getByRole('button', { name: /Close typo\.yaml/ }).click();
  await waitForTerminal(page, /vim typo\.yaml\nroot@master:~#$/);
});

test('kubectl edit opens the object in the editor; saving applies the change', async ({ page }, testInfo) => {
  await openSandbox(page);
  await typeLine(page, 'kubectl create deployment web --image=nginx');
  await waitForTerminal(page, /deployment\.apps\/web created/);
  await typeLine(page, 'kubectl edit deployment web');
  const editor = page.getByRole('region', { name: 'Editor' });
  await expect(editor.getByRole('tab', { name: /kubectl-edit-web/ })).toBeVisible();
  // Monaco renders spaces as no-break spaces; a string filter normalises whitespace, a RegExp would not.
  const imageLine = editor.locator('.monaco-editor .view-line').filter({ hasText: '- image: nginx' });
  await imageLine.locator('span', { hasText: /^nginx$/ }).dblclick();
  await page.keyboard.type('httpd');
  await page.keyboard.press('Control+s');
  await waitForTerminal(page, /deployment\.apps\/web edited/);
  await typeLine(page, 'kubectl get deployment web -o jsonpath={.spec.template.spec.containers[0].image}');
  await waitForTerminal(page, /^httpd/m);
  await page.screenshot({ path: testInfo.outputPath('editor-kubectl-edit.png') });
});
