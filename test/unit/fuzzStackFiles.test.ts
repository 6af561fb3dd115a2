// Fuzz: 1,000 random edits of the conformance corpus (the files the real CLI judged). The engine never
// throws and always returns; the slowest file is printed (a hang detector, not a timing test).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintStack } from '../../src/stackLint';
import { completionsAt, hoverAt } from '../../src/stackLint/assist';
import { quickFixesFor } from '../../src/stackLint/fixes';
import { mutate, prng } from '../support/mutate';

const CASES = path.join(__dirname, '..', 'stack-corpus', 'cases');
const corpus = fs.readdirSync(CASES).filter((f) => /\.ya?ml$/.test(f)).map((f) => fs.readFileSync(path.join(CASES, f), 'utf8'));


describe('fuzz: mutated corpus files', function () {
  this.timeout(120_000);

  it('1,000 mutations: lintStack never throws and returns well-formed diagnostics', () => {
    const rnd = prng(20261123);
    let slowest = 0;
    let diagnostics = 0;
    for (let i = 0; i < 1000; i++) {
      const base = corpus[Math.floor(rnd() * corpus.length)] ?? '';
      const text = mutate(base, rnd);
      const t0 = performance.now();
      let found;
      try {
        found = lintStack(text, { env: {}, fileExists: () => false });
      } catch (e) {
        assert.fail(`mutation ${i} threw ${String(e)} on:\n${text}`);
      }
      slowest = Math.max(slowest, performance.now() - t0);
      diagnostics += found.length;
      for (const d of found) {
        assert.ok(d.range.start.line >= 0 && d.range.start.character >= 0, `mutation ${i}: bad range`);
        assert.ok(d.range.end.line > d.range.start.line || (d.range.end.line === d.range.start.line && d.range.end.character >= d.range.start.character));
        assert.ok(['error', 'warning', 'info'].includes(d.severity) && d.code && d.message);
      }
      assert.ok(slowest < 5_000, `mutation ${i} took ${slowest.toFixed(0)} ms: a hang`);
    }
    console.log(`      1,000 mutated files: ${diagnostics} diagnostics, slowest ${slowest.toFixed(1)} ms`);
  });

  it('500 mutations: quick fixes, completion and hover never throw on broken text', () => {
    const rnd = prng(7);
    let fixes = 0;
    for (let i = 0; i < 500; i++) {
      const text = mutate(corpus[Math.floor(rnd() * corpus.length)] ?? '', rnd);
      const offset = Math.floor(rnd() * (text.length + 1));
      try {
        for (const d of lintStack(text)) fixes += quickFixesFor(text, d).length;
        completionsAt(text, offset, { networks: ['n'], secrets: ['s'], configs: ['c'] });
        hoverAt(text, offset);
      } catch (e) {
        assert.fail(`mutation ${i} (offset ${offset}) threw ${e instanceof Error ? e.stack : String(e)} on:\n${text}`);
      }
    }
    console.log(`      500 mutated files: ${fixes} quick fixes offered`);
  });
});
