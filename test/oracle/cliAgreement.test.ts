// The real docker CLI as the oracle, at scale: generated stack files (test/support/stackGen: the
// realistic bases and the corpus, edited by schema-aware mutations) go through `docker stack config -c`
// and through the linter; the verdicts must agree on every case, and when both refuse a file, the
// linter must name the CLI's cause. Only `load`-phase codes count here (src/stackLint/codes.ts): the
// checks `docker stack deploy` alone makes are held to a real deploy in test/integration.
//   SWARM_ORACLE_CASES=20000 (nightly size), SWARM_ORACLE_SEED=n to explore other seeds.
import assert from 'node:assert/strict';
import { lintStack, phaseOf, type StackDiagnostic } from '../../src/stackLint';
import { completionsAt, hoverAt } from '../../src/stackLint/assist';
import { quickFixesFor } from '../../src/stackLint/fixes';
import { readStack } from '../../src/stack/document';
import { applyEdits } from '../support/applyEdits';
import { causeCodes } from '../support/cliMessages';
import { CaseDir, cliEnv, dockerCliVersion, runEach, stackConfigArgs, type CliVerdict } from '../support/dockerCli';
import { generateCases, type GeneratedCase } from '../support/stackGen';

const COUNT = Number(process.env['SWARM_ORACLE_CASES'] ?? 2000);
const SEED = Number(process.env['SWARM_ORACLE_SEED'] ?? 20261123);

describe(`docker stack config vs the linter: ${COUNT} generated stack files (seed ${SEED})`, function () {
  let dir: CaseDir;
  let cases: GeneratedCase[];
  let cli: CliVerdict[];
  let found: StackDiagnostic[][];

  before(async function () {
    const version = dockerCliVersion();
    cases = generateCases(SEED, COUNT);
    dir = new CaseDir();
    const files = cases.map((c, i) => ({ file: dir.write(i, c.text), env: cliEnv(dir.dir, c.env) }));
    const t0 = Date.now();
    cli = await runEach(files, stackConfigArgs, 4);
    console.log(`      docker CLI ${version}: ${COUNT} × stack config in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${cli.filter((v) => v.exit !== 0).length} refused`);
  });

  after(() => dir?.remove());

  it('the linter never throws, stays fast, and returns well-formed diagnostics', () => {
    let slowest = 0;
    found = cases.map((c, i) => {
      const t0 = performance.now();
      let ds: StackDiagnostic[];
      try {
        ds = lintStack(c.text, { env: c.env, fileExists: dir.exists });
      } catch (e) {
        assert.fail(`case ${i} (${c.recipe}) threw ${e instanceof Error ? e.stack : String(e)} on:\n${c.text}`);
      }
      slowest = Math.max(slowest, performance.now() - t0);
      for (const d of ds) {
        assert.ok(d.range.start.line >= 0 && d.range.start.character >= 0, `case ${i}: bad range`);
        assert.ok(d.range.end.line > d.range.start.line || (d.range.end.line === d.range.start.line && d.range.end.character >= d.range.start.character));
        assert.ok(['error', 'warning', 'info'].includes(d.severity) && d.message);
      }
      return ds;
    });
    assert.ok(slowest < 5_000, `a file took ${slowest.toFixed(0)} ms: a hang`);
    console.log(`      slowest file ${slowest.toFixed(1)} ms`);
  });

  it('the verdict is the CLI\'s on every case, and so is the cause of a refusal', () => {
    const wrong: string[] = [];
    let refused = 0;
    cases.forEach((c, i) => {
      const errors = (found[i] ?? []).filter((d) => d.severity === 'error' && phaseOf(d.code) === 'load');
      const v = cli[i] as CliVerdict;
      const rejected = v.exit !== 0;
      if (rejected) refused++;
      const cause = rejected ? causeCodes(v.stderr) : undefined;
      const ok = rejected === errors.length > 0 && (!rejected || (cause !== undefined && errors.some((d) => cause.includes(d.code))));
      if (!ok) {
        wrong.push(`case ${i} (${c.recipe}): CLI ${rejected ? `refuses: ${v.stderr.split('\n').slice(0, 3).join(' | ')}` : 'accepts'}; `
          + `linter: ${JSON.stringify(errors.map((d) => `${d.code}@${d.range.start.line + 1}`))}\n${c.text}`);
      }
    });
    const agree = COUNT - wrong.length;
    console.log(`      agreement: ${agree}/${COUNT} (${((100 * agree) / COUNT).toFixed(2)}%); ${refused} refused, ${COUNT - refused} accepted`);
    assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} disagreements, first ones above`);
  });

  it('a preferred quick fix yields a file the CLI judges as the linter does (and mostly accepts)', async function () {
    // Files the CLI refuses for exactly one reason the linter names and offers a preferred fix for.
    const fixed: { i: number; code: string; text: string }[] = [];
    cases.forEach((c, i) => {
      if ((cli[i] as CliVerdict).exit === 0 || fixed.length >= 150) return;
      const errors = (found[i] ?? []).filter((d) => d.severity === 'error' && phaseOf(d.code) === 'load');
      const [only] = errors;
      if (errors.length !== 1 || !only) return;
      const fix = quickFixesFor(readStack(c.text, c.env), only).find((f) => f.isPreferred);
      if (fix) fixed.push({ i, code: only.code, text: applyEdits(c.text, fix.edits) });
    });
    const verdicts = await runEach(fixed.map((f, k) => ({ file: dir.write(COUNT + k, f.text), env: cliEnv(dir.dir, cases[f.i]?.env) })), stackConfigArgs, 4);
    const wrong: string[] = [];
    fixed.forEach((f, k) => {
      const c = cases[f.i] as GeneratedCase;
      const errors = lintStack(f.text, { env: c.env, fileExists: dir.exists }).filter((d) => d.severity === 'error' && phaseOf(d.code) === 'load');
      const v = verdicts[k] as CliVerdict;
      if ((v.exit !== 0) !== errors.length > 0) wrong.push(`case ${f.i} fixed (${f.code}): CLI ${v.exit ? `refuses: ${v.stderr.split('\n')[0] ?? ''}` : 'accepts'}; linter ${JSON.stringify(errors.map((d) => d.code))}\n${f.text}`);
    });
    const accepted = verdicts.filter((v) => v.exit === 0).length;
    console.log(`      ${fixed.length} preferred fixes applied: the CLI accepts ${accepted} of the fixed files, and agrees with the linter on ${fixed.length - wrong.length}`);
    assert.deepEqual(wrong.slice(0, 5), []);
    assert.ok(fixed.length >= 20 && accepted >= fixed.length / 2, 'the fixes mostly remove what the CLI refused');
  });

  it('quick fixes, completion and hover never throw on these files', () => {
    let fixes = 0;
    cases.slice(0, 500).forEach((c, i) => {
      const doc = readStack(c.text, c.env);
      const offset = (i * 7919) % (c.text.length + 1);
      try {
        for (const d of found[i] ?? []) fixes += quickFixesFor(doc, d).length;
        completionsAt(doc, offset, { networks: ['n'], secrets: ['s'], configs: ['c'] });
        hoverAt(doc, offset);
      } catch (e) {
        assert.fail(`case ${i} (offset ${offset}) threw ${e instanceof Error ? e.stack : String(e)} on:\n${c.text}`);
      }
    });
    console.log(`      500 files: ${fixes} quick fixes offered`);
  });
});
