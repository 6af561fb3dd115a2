// Fuzz: 1,000 random edits of the conformance corpus (the files the real CLI judged). The engine never
// throws and always returns; the slowest file is printed (a hang detector, not a timing test).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintStack } from '../../src/stackLint';
import { completionsAt, hoverAt } from '../../src/stackLint/assist';
import { quickFixesFor } from '../../src/stackLint/fixes';

const CASES = path.join(__dirname, '..', 'stack-corpus', 'cases');
const corpus = fs.readdirSync(CASES).filter((f) => /\.ya?ml$/.test(f)).map((f) => fs.readFileSync(path.join(CASES, f), 'utf8'));

/** A small deterministic PRNG (mulberry32), so a failure can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [':', '-', ' ', '  ', '\t', '\n', '"', "'", '{', '}', '[', ']', '&a', '*a', '<<: ', '#', '|', '>', '${X:?m}', 'x', '0', 'é', '\r\n'];

export function mutate(text: string, rnd: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const lines = out.split('\n');
    const line = Math.floor(rnd() * lines.length);
    switch (Math.floor(rnd() * 6)) {
      case 0: out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rnd() * 3)); break;
      case 1: out = out.slice(0, at) + (ALPHABET[Math.floor(rnd() * ALPHABET.length)] ?? '') + out.slice(at); break;
      case 2: lines.splice(line, 0, lines[line] ?? ''); out = lines.join('\n'); break;
      case 3: lines.splice(line, 1); out = lines.join('\n'); break;
      case 4: lines[line] = '  ' + (lines[line] ?? ''); out = lines.join('\n'); break;
      default: lines[line] = (lines[line] ?? '').trimStart(); out = lines.join('\n'); break;
    }
  }
  return out;
}

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
