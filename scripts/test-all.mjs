#!/usr/bin/env node
// Runs every suite (unit, then end-to-end), whatever the first one did, and prints one
// closing line `N passed, N failed` summing them. Exit status is non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const out = join('test-results', 'summary');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

function run(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function readJson(file) {
  try { return JSON.parse(readFileSync(file, 'utf8')); } catch { return undefined; }
}

const unitFile = join(out, 'unit.json');
const unitStatus = run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${unitFile}`]);
const unit = readJson(unitFile);
let passed = unit?.numPassedTests ?? 0;
let failed = unit ? unit.numFailedTests : 1;
let skipped = unit?.numPendingTests ?? 0;
if (unitStatus !== 0 && unit && unit.numFailedTests === 0) failed += 1; // a suite that failed to load

const e2eFile = join(out, 'e2e.json');
const e2eStatus = run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eFile });
const e2e = readJson(e2eFile);
if (e2e?.stats) {
  passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
  if (e2eStatus !== 0 && e2e.stats.unexpected === 0) failed += 1;
} else {
  failed += 1;
}

console.log(`\nunit: exit ${unitStatus}; e2e: exit ${e2eStatus}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
