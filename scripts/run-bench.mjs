#!/usr/bin/env node
// Runs a TypeScript benchmark as plain JavaScript: bundles it with esbuild (installed with vite) into
// node_modules/.cache and runs the bundle with node. What is measured is the engine, not the TypeScript
// loader (tsx wraps every function in a naming helper and transforms modules at load time).
// Usage: node scripts/run-bench.mjs bench/engine.bench.ts
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const entry = process.argv[2];
if (!entry) {
  console.error('usage: node scripts/run-bench.mjs <bench file>');
  process.exit(2);
}
const dir = join('node_modules', '.cache', 'kube-sandbox-bench');
mkdirSync(dir, { recursive: true });
const outfile = join(dir, basename(entry).replace(/\.ts$/, '.mjs'));
await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', logLevel: 'warning' });
const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
