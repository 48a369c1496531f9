import type { ResourceDef } from '../../../api/types';
import type { KObject } from '../../../types';
import type { Env } from '../../env';
import { formatObjects } from '../../output';
import { kindPrefix } from '../../resources';
import type { DryRun } from '../common';

/** createOutcome prints `pod/web configured` (with dry-run suffix) or the object in the -o format. */
export function createOutcome(env: Env, def: ResourceDef, obj: KObject, verb: string, dry: DryRun): void {
  const output = env.flags.str('output');
  if (output) { env.out(formatObjects(env, output, [{ obj, def }], true, undefined, dry === 'client')); return; }
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  env.out(`${kindPrefix(def)}/${obj.metadata.name ?? ''} ${verb}${suffix}\n`);
}
