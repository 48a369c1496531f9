// Models cobra's command lookup for kubectl: Find() strips flags, walks subcommands, suggests on typos.
import { HELP_TEXTS } from './help/help-texts';
import { commandFlags } from './flags';

/** ALIASES maps kubectl command aliases to their canonical names, per parent path. */
const ALIASES: Record<string, Record<string, string>> = {
  create: { ns: 'namespace', cm: 'configmap', deploy: 'deployment', svc: 'service', sa: 'serviceaccount', pdb: 'poddisruptionbudget', pc: 'priorityclass', cj: 'cronjob', ing: 'ingress', quota: 'quota', resourcequota: 'quota' },
  top: { nodes: 'node', no: 'node', pods: 'pod', po: 'pod' },
  '': { log: 'logs' },
};

/** subcommandsOf lists the subcommands of a command path as its help text declares them. */
export function subcommandsOf(path: string): string[] {
  const prefix = path ? path + ' ' : '';
  return Object.keys(HELP_TEXTS)
    .filter((k) => k.startsWith(prefix) && k !== path && !k.slice(prefix.length).includes(' ') && k !== 'options')
    .map((k) => k.slice(prefix.length))
    .filter((k) => k);
}

/** FoundCommand is the resolved command path and the remaining argv. */
export interface FoundCommand { path: string; rest: string[]; unknown?: string }

/** findCommand walks argv to the deepest matching command, skipping flags as cobra's stripFlags does. */
export function findCommand(argv: string[]): FoundCommand {
  let path = '';
  const rest = [...argv];
  for (;;) {
    const specs = commandFlags(path);
    let idx = -1;
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      if (a === '--') break;
      if (a.startsWith('--')) {
        if (a.includes('=')) continue;
        const spec = specs.find((s) => s.name === a.slice(2));
        if (spec && spec.noOptDefVal === undefined) i++;
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        if (a.length === 2) {
          const spec = specs.find((s) => s.short === a[1]);
          if (spec && spec.noOptDefVal === undefined) i++;
        }
        continue;
      }
      idx = i;
      break;
    }
    if (idx < 0) return { path, rest };
    const subs = subcommandsOf(path);
    if (!subs.length) return { path, rest };
    const word = rest[idx];
    const canonical = ALIASES[path]?.[word] ?? word;
    if (!subs.includes(canonical)) {
      // Commands with a Run of their own (create, apply, ...) take the word as an argument.
      if (path && HAS_RUN.has(path)) return { path, rest };
      return { path, rest, unknown: word };
    }
    rest.splice(idx, 1);
    path = path ? `${path} ${canonical}` : canonical;
  }
}

// Parent commands that also run by themselves (`kubectl create -f`, `kubectl apply -f`, `kubectl cluster-info`).
const HAS_RUN = new Set(['create', 'apply', 'cluster-info']);

function levenshtein(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

/** unknownCommandMessage is cobra's `unknown command "x" for "kubectl"` with its suggestions. */
export function unknownCommandMessage(path: string, word: string): string {
  // Parent commands use cmdutil.DefaultSubCommandRun, which prints a usage error instead.
  if (path) return `error: unknown command "${word}"\nSee 'kubectl ${path} -h' for help and examples`;
  const subs = subcommandsOf(path);
  const lw = word.toLowerCase();
  const sugg = subs.filter((s) => levenshtein(lw, s.toLowerCase()) <= 2 || s.toLowerCase().startsWith(lw));
  let msg = `error: unknown command "${word}" for "kubectl${path ? ' ' + path : ''}"`;
  if (sugg.length) msg += `\n\nDid you mean this?\n${sugg.map((s) => `\t${s}\n`).join('')}`;
  return msg;
}
