/**
 * Authoring aid: runs a list of shell inputs in a fresh sandbox and prints them as a transcript
 * (`$ input` then output), ready to review line by line against real kubectl and save under
 * src/engine/scenarios/testdata/. Usage: npx tsx scripts/record-transcript.ts INPUT_FILE [> out.txt]
 * Lines of INPUT_FILE starting with `#` before the first command are copied as comments.
 */
import { readFileSync } from 'node:fs';
import { createSandbox } from '../src/engine';

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: record-transcript.ts INPUT_FILE');
  const lines = readFileSync(file, 'utf8').replace(/\n$/, '').split('\n');
  const sandbox = createSandbox();
  let pending: string[] = [];
  let header = true;
  for (const line of lines) {
    if (header && line.startsWith('#')) { console.log(line); continue; }
    header = false;
    pending.push(line);
    const input = pending.join('\n');
    if (sandbox.shell.needsMore(input)) continue;
    pending = [];
    console.log(input.split('\n').map((l, i) => `${i ? '>' : '$'} ${l}`).join('\n'));
    const { output } = await sandbox.run(input);
    if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  }
  sandbox.cluster.stop();
}

main().catch((e) => { console.error(e); process.exit(1); });
