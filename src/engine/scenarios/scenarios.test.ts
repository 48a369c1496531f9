import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSandbox } from '../sandbox';
import { parseTranscript, matchOutput } from './transcript';

const dir = join(__dirname, 'testdata');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

describe('scenario transcripts', () => {
  for (const file of files) {
    it(file.replace(/\.txt$/, ''), async () => {
      const sandbox = createSandbox();
      try {
        for (const step of parseTranscript(readFileSync(join(dir, file), 'utf8'))) {
          const { output } = await sandbox.run(step.input);
          const actual = output.replace(/\n$/, '').split('\n');
          const got = output === '' ? [] : actual;
          const want = step.expected.length === 1 && step.expected[0] === '' ? [] : step.expected;
          if (!matchOutput(want, got)) {
            expect(`$ ${step.input}\n${got.join('\n')}`).toBe(`$ ${step.input}\n${want.join('\n')}`);
          }
        }
      } finally {
        sandbox.cluster.stop();
      }
    });
  }
});
