// Models k8s.io/kubectl/pkg/cmd/util/editor (edit in the host's editor, then PATCH the two-way diff).
import type { KObject } from '../../../types';
import { parseYaml } from '../../../util/yaml';
import type { Env } from '../../env';
import { fail, formatError } from '../../errors';
import { printYaml } from '../../printers';
import { clientResource, kindPrefix } from '../../resources';
import { collectTargets } from '../../targets';
import { threeWayMergePatch } from '../../apply-patch';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

function stripComments(text: string): string {
  return text.split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n');
}

/** editVerb implements `kubectl edit TYPE NAME` through ctx.host.openEditor (the browser editor). */
export async function editVerb(env: Env): Promise<number> {
  const open = env.ctx.host?.openEditor;
  if (!open) throw fail(`unable to launch the editor "vi": no editor in this terminal; use kubectl get -o yaml > f.yaml, edit it, then kubectl apply -f f.yaml`);
  const { targets, errors } = collectTargets(env, env.args);
  if (errors.length) throw errors[0];
  let code = 0;
  for (const [i, { def, obj }] of targets.entries()) {
    const path = `/tmp/kubectl-edit-${obj.metadata.name}-${i}.yaml`;
    if (!env.ctx.fs.exists('/tmp')) env.ctx.fs.mkdir('/tmp', { recursive: true });
    const shown = { ...obj, metadata: { ...obj.metadata } };
    delete (shown.metadata as Record<string, unknown>).managedFields;
    const original = printYaml(shown);
    env.ctx.fs.writeFile(path, HEADER + original);
    await open(path);
    const edited = stripComments(env.ctx.fs.readFile(path));
    if (!edited.trim() || edited.trim() === stripComments(original).trim()) { env.out('Edit cancelled, no changes made.\n'); continue; }
    let modified: KObject;
    try {
      modified = parseYaml(edited) as KObject;
    } catch (e) {
      env.err(`error: ${(e as Error).message}\nA copy of your changes has been stored to "${path}"\nerror: Edit cancelled, no valid changes were saved.\n`);
      code = 1;
      continue;
    }
    const patch = threeWayMergePatch(shown, modified as unknown as Record<string, unknown>, shown as unknown as Record<string, unknown>, def.kind);
    if (!Object.keys(patch).length) { env.out('Edit cancelled, no changes made.\n'); continue; }
    try {
      env.client.patch(clientResource(def), obj.metadata.namespace, obj.metadata.name ?? '', 'application/strategic-merge-patch+json', patch);
      env.out(`${kindPrefix(def)}/${obj.metadata.name} edited\n`);
    } catch (e) {
      env.err(formatError(e) + `A copy of your changes has been stored to "${path}"\nerror: Edit cancelled, no valid changes were saved.\n`);
      code = 1;
    }
  }
  return code;
}
