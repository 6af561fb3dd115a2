#!/usr/bin/env node
// `npm test`: prerequisites (setup, type check, lint, build), then the tests: unit, oracle (the
// stack linter against the real docker CLI), webview (the rollout webview bundle in headless
// Chromium), integration (real swarm labs), vscode (the extension-host suite inside the real VS Code
// server) and ui (clicks in the real workbench, headless Chromium). Tests are counted, steps are not: a
// prerequisite that fails counts as one failed (and later steps that need it do not run); one that
// succeeds counts nothing. The last line is `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const only = process.argv.slice(2); // e.g. `npm test -- unit` runs just that step
const bin = (name) => path.join('node_modules', '.bin', name);
const tsx = (script) => ({ cmd: bin('tsx'), args: [script] });
const steps = [
  { name: 'setup', cmd: 'bash', args: ['scripts/prereqs.sh', '--browser'] },
  { name: 'typecheck', cmd: bin('tsc'), args: ['--noEmit', '-p', '.'] },
  // The webview code and its browser tests see the DOM: their own projects.
  { name: 'typecheck', cmd: bin('tsc'), args: ['--noEmit', '-p', 'webview/rollout'] },
  { name: 'typecheck', cmd: bin('tsc'), args: ['--noEmit', '-p', 'test/webview'] },
  { name: 'lint', cmd: bin('eslint'), args: ['--max-warnings', '0', '.'] },
  { name: 'build', cmd: process.execPath, args: ['scripts/build.mjs'] },
  { name: 'unit', cmd: bin('mocha'), args: ['--config', 'test/unit/.mocharc.json'], mocha: true },
  // The stack linter against the real docker CLI (28.x first on PATH; no daemon needed).
  { name: 'oracle', cmd: bin('mocha'), args: ['--config', 'test/oracle/.mocharc.json'], mocha: true },
  // The webview bundles (built above) in a headless Chromium (/usr/bin/chromium).
  { name: 'webview', cmd: bin('mocha'), args: ['--config', 'test/webview/.mocharc.json'], mocha: true, needs: ['setup', 'build'] },
  { name: 'integration', cmd: bin('mocha'), args: ['--config', 'test/integration/.mocharc.json'], mocha: true, minutes: 15 },
  { name: 'vscode', ...tsx('scripts/vscode-host/runTests.ts'), mocha: true, needs: ['setup', 'build'] },
  { name: 'ui', cmd: bin('mocha'), args: ['--config', 'test/ui/.mocharc.json'], mocha: true, needs: ['setup', 'build'], minutes: 12 },
];
// No step may hold CI past its budget: one that runs over is killed and counts as failed.
const DEFAULT_MINUTES = 8;

let passed = 0;
let failed = 0;
const report = [];
const broken = new Set();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'swarm-test-'));
const t00 = Date.now();
for (const step of steps) {
  if (only.length > 0 && !only.includes(step.name)) continue;
  const missing = (step.needs ?? []).filter((n) => broken.has(n));
  if (missing.length > 0) { failed++; report.push(`${step.name}: not run (${missing.join(', ')} failed)`); continue; }
  const t0 = Date.now();
  console.log(`\n=== ${step.name}: ${[step.cmd, ...step.args].join(' ')}`);
  const summary = path.join(tmp, `${step.name}.json`);
  const budget = (step.minutes ?? DEFAULT_MINUTES) * 60_000;
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: { ...process.env, SWARM_TEST_SUMMARY: summary }, timeout: budget, killSignal: 'SIGKILL' });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.error?.code === 'ETIMEDOUT') console.log(`=== ${step.name}: killed after its budget of ${budget / 60_000} min`);
  if (step.mocha) {
    let counts;
    try { counts = JSON.parse(fs.readFileSync(summary, 'utf8')); } catch { counts = undefined; }
    if (!counts) { failed++; report.push(`${step.name}: did not run to the end (exit ${r.status ?? r.signal}) ${secs}s`); continue; }
    // A suite whose hooks failed before any test ran still counts as failed.
    const extra = r.status !== 0 && counts.failed === 0 ? 1 : 0;
    passed += counts.passed;
    failed += counts.failed + extra;
    report.push(`${step.name}: ${counts.passed} passed, ${counts.failed + extra} failed, ${counts.pending} pending ${secs}s`);
  } else if (r.status === 0) {
    report.push(`${step.name}: ok ${secs}s`);
  } else {
    failed++;
    broken.add(step.name);
    report.push(`${step.name}: FAILED (exit ${r.status ?? r.signal}) ${secs}s`);
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log('\n' + report.join('\n') + `\ntotal ${((Date.now() - t00) / 1000).toFixed(0)}s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
