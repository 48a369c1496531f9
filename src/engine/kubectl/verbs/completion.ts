import type { Env } from '../env';
import { fail } from '../errors';

/** completionVerb implements `kubectl completion SHELL`: the sandbox shell completes natively, so the script only defines the hook names. */
export function completionVerb(env: Env): number {
  const shell = env.args[0];
  if (!shell) throw fail(`Shell not specified.\nSee 'kubectl completion -h' for help and examples`);
  if (!['bash', 'zsh', 'fish', 'powershell'].includes(shell)) throw fail(`Unsupported shell type "${shell}".\nSee 'kubectl completion -h' for help and examples`);
  env.out(`# ${shell} completion for kubectl                              -*- shell-script -*-
# The Kube Sandbox shell completes kubectl natively; sourcing this script only enables it.
__start_kubectl()
{
    :
}
complete -o default -F __start_kubectl kubectl
`);
  return 0;
}
