#!/usr/bin/env node
// `npm test`: type check, lint, build, unit tests, the stack linter against the docker CLI, integration
// tests against a real swarm.
// Each check counts as one test, each mocha test as one; the last line is `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const only = process.argv.slice(2); // e.g. `npm test -- unit` runs just that step
const bin = (name) => path.join('node_modules', '.bin', name);
const steps = [
  { name: 'typecheck', cmd: bin('tsc'), args: ['--noEmit', '-p', '.'] },
  { name: 'lint', cmd: bin('eslint'), args: ['--max-warnings', '0', '.'] },
  { name: 'build', cmd: process.execPath, args: ['scripts/build.mjs'] },
  { name: 'unit', cmd: bin('mocha'), args: ['--config', 'test/unit/.mocharc.json'], mocha: true },
  // The stack linter against the real docker CLI (28.x first on PATH; no daemon needed).
  { name: 'oracle', cmd: bin('mocha'), args: ['--config', 'test/oracle/.mocharc.json'], mocha: true },
  { name: 'integration', cmd: bin('mocha'), args: ['--config', 'test/integration/.mocharc.json'], mocha: true },
];

let passed = 0;
let failed = 0;
const report = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'swarm-test-'));
for (const step of steps) {
  if (only.length > 0 && !only.includes(step.name)) continue;
  const t0 = Date.now();
  console.log(`\n=== ${step.name}: ${[step.cmd, ...step.args].join(' ')}`);
  const summary = path.join(tmp, `${step.name}.json`);
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: { ...process.env, SWARM_TEST_SUMMARY: summary } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
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
    passed++;
    report.push(`${step.name}: ok ${secs}s`);
  } else {
    failed++;
    report.push(`${step.name}: FAILED (exit ${r.status ?? r.signal}) ${secs}s`);
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log('\n' + report.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
