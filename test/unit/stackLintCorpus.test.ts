// Agreement with the real docker CLI: test/stack-corpus holds stack files with the verdicts
// `docker stack deploy` gave (rejected → at least one error; ignored-keys → warnings, no error; clean → no error).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintStack } from '../../src/stackLint';
import { causeCodes } from '../support/cliMessages';

const CORPUS = join(__dirname, '..', 'stack-corpus');
const CASES = join(CORPUS, 'cases');
// Missing *external* objects are only visible to a live swarm, never to the pure linter.
const NEEDS_CLUSTER = new Set(['69-external-network-missing.yml', '70-external-secret-missing.yml']);

interface Outcome { exit: number; stderr: string }
interface Verdict { file: string; expect: 'clean' | 'rejected' | 'ignored-keys'; ignoredKeys?: string[]; line?: number; config: Outcome; deploy: Outcome }

/** `# setup: env=VAR=VAL …` → the environment the CLI ran with. */
function envOf(text: string): Record<string, string> {
  const setup = /^# setup: (.*)$/m.exec(text)?.[1] ?? '';
  const env: Record<string, string> = {};
  for (const word of setup.split(/\s+/)) {
    const m = /^env=([^=]+)=(.*)$/.exec(word);
    if (m) env[m[1]] = m[2];
  }
  return env;
}

describe('stackLint: docker CLI corpus', () => {
  const path = join(CORPUS, 'verdicts.json');
  const cases: Verdict[] = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { cases: Verdict[] }).cases : [];
  for (const c of cases) {
    if (NEEDS_CLUSTER.has(c.file) || !existsSync(join(CASES, c.file))) continue;
    it(`${c.file}: ${c.expect}`, () => {
      const text = readFileSync(join(CASES, c.file), 'utf8');
      const ds = lintStack(text, { env: envOf(text), fileExists: (p) => existsSync(join(CASES, p)) });
      const errors = ds.filter((d) => d.severity === 'error').map((d) => d.code);
      const warnings = ds.filter((d) => d.severity === 'warning').map((d) => d.code);
      if (c.expect === 'rejected') {
        // The cause the CLI gave (stack config's error, else deploy's) must be among the linter's errors.
        const said = c.config.exit !== 0 ? c.config.stderr : c.deploy.stderr;
        const cause = causeCodes(said);
        assert.ok(cause, `no code known for the CLI's message: ${said}`);
        assert.ok(errors.some((e) => cause.includes(e)), `the CLI says "${said.split('\n')[0] ?? ''}" (${cause.join('|')}); the linter: ${errors.join(', ')}`);
      }
      else assert.deepEqual(errors, [], JSON.stringify(ds));
      if (c.expect === 'ignored-keys') {
        assert.ok(warnings.includes('ignored-key') || warnings.includes('restart-ignored'), JSON.stringify(ds));
        for (const key of c.ignoredKeys ?? []) {
          assert.ok(ds.some((d) => d.severity === 'warning' && d.message.includes(`\`${key}\``) || d.message.includes(`.${key}\``)),
            `the CLI ignores ${key}: a warning must name it`);
        }
      }
      if (c.expect === 'rejected' && c.line !== undefined) {
        const line = c.line - 1;
        assert.ok(ds.some((d) => d.severity === 'error' && d.range.start.line <= line && line <= d.range.end.line),
          `an error on line ${c.line} (the offending line): ${JSON.stringify(ds.map((d) => [d.code, d.range.start.line + 1]))}`);
      }
    });
  }
});
