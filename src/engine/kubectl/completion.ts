// Tab completion for kubectl in the sandbox shell (models the shape of `kubectl __complete`, not its protocol).
import type { KubectlDeps } from './env';
import { commandFlags, parseFlags } from './flags';
import { findCommand, subcommandsOf } from './dispatch';
import { clientResource } from './resources';

const TAKES_TYPE = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'edit', 'scale', 'patch', 'wait', 'expose', 'rollout status', 'rollout history', 'rollout undo', 'rollout restart', 'set image', 'taint', 'cordon', 'uncordon']);
const TAKES_POD = new Set(['logs', 'exec', 'port-forward', 'attach']);

/**
 * kubectlCompletions returns candidates for the last (partial) word of `kubectl <args>`:
 * commands, flags, resource types, then object names in the namespace.
 */
export function kubectlCompletions(args: string[], deps: Pick<KubectlDeps, 'client' | 'registry'>, namespace = 'default'): string[] {
  const partial = args[args.length - 1] ?? '';
  const done = args.slice(0, -1);
  const found = findCommand(done);
  const match = (xs: string[]) => [...new Set(xs)].filter((x) => x.startsWith(partial)).sort();
  if (partial.startsWith('-')) {
    return match(commandFlags(found.path).flatMap((s) => [`--${s.name}`, ...(s.short ? [`-${s.short}`] : [])]));
  }
  let words: string[];
  try { words = parseFlags(found.rest, commandFlags(found.path)).args; } catch { words = found.rest.filter((a) => !a.startsWith('-')); }
  const subs = subcommandsOf(found.path);
  if (!words.length && subs.length) return match(subs);
  const listNames = (typeName: string) => {
    const def = deps.registry.resolve(typeName)[0];
    if (!def) return [];
    try {
      return deps.client.list(clientResource(def), def.namespaced ? namespace : undefined).map((o) => o.metadata.name ?? '');
    } catch { return []; }
  };
  if (TAKES_POD.has(found.path) && !words.length) {
    if (partial.includes('/') && found.path !== 'attach') {
      const type = partial.slice(0, partial.indexOf('/'));
      return match(listNames(type).map((n) => `${type}/${n}`));
    }
    return match(listNames('pods'));
  }
  // port-forward POD <Tab>: the pod's containerPorts (completion.ResourceAndPortCompletionFunc).
  if (found.path === 'port-forward' && words.length >= 1 && !words[0].includes('/')) {
    try {
      const pod = deps.client.get('pods', namespace, words[0]) as { spec?: { containers?: Array<{ ports?: Array<{ containerPort: number }> }> } };
      return match((pod.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => String(p.containerPort))));
    } catch { return []; }
  }
  if (found.path === 'cordon' || found.path === 'uncordon') return match(listNames('nodes'));
  if (!TAKES_TYPE.has(found.path)) return [];
  if (!words.length) {
    if (partial.includes('/')) {
      const type = partial.slice(0, partial.indexOf('/'));
      return match(listNames(type).map((n) => `${type}/${n}`));
    }
    return match(deps.registry.all().flatMap((d) => [d.plural, ...d.shortNames]));
  }
  if (words[0].includes('/')) return [];
  return match(listNames(words[0].split(',')[0]));
}

/** createKubectlCompleter adapts kubectlCompletions to the shell's Completer (words start with argv[0]). */
export function createKubectlCompleter(deps: Pick<KubectlDeps, 'client' | 'registry'>): (words: string[], partial: string) => string[] {
  return (words, partial) => {
    const args = words.slice(1);
    let ns = 'default';
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if ((a === '-n' || a === '--namespace') && args[i + 1]) ns = args[i + 1];
      else if (a.startsWith('--namespace=')) ns = a.slice(12);
      else if (a.startsWith('-n') && a.length > 2) ns = a.slice(2);
    }
    return kubectlCompletions([...args, partial], deps, ns);
  };
}
