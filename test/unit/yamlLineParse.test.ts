// Differential tests for the line-oriented builder: whenever it returns a tree, the thorough builder
// (`yaml`) finds no error and builds the very same tree — kinds, offsets, values, styles, anchors.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stackFile } from '../../scripts/bench/lint';
import { fullParse } from '../../src/yamlAst/fullParse';
import { lineParse } from '../../src/yamlAst/lineParse';
import { LineIndex, parseYaml } from '../../src/yamlAst';
import { firstDocument } from '../../src/yamlAst/firstDocument';
import { mutate, prng } from '../support/mutate';
import { generateCases } from '../support/stackGen';
import { ANCHORS, SAMPLE } from '../support/yamlSamples';

const CASES = path.join(__dirname, '..', 'stack-corpus', 'cases');
const files = fs.readdirSync(CASES).filter((f) => /\.ya?ml$/.test(f)).sort();
const corpus = files.map((f) => fs.readFileSync(path.join(CASES, f), 'utf8'));

// The texts of yamlAst.test.ts, and more of the subset.
const TEXTS = [SAMPLE, ANCHORS.slice(0, ANCHORS.indexOf('  api:')) /* its last service puts an alias in a flow list: outside the subset */,
['yes', 'No', 'on', '0o17', '0x1F', '.inf', '-.Inf', '2001-12-14', '010', '+12', '1e3', '.5', '3.', '1_000', '~', 'Null', 'TRUE',
  'True', 'tRue', '"quoted"', "'single'", "'it''s'", '0b101', '12:30', '"3.10"', '3.10', '-0', '0.', '+.inf', '.NaN', '-x', '"\\x41\\u00e9\\t\\"\\\\/"', 'a#b', 'x # c']
  .map((s, i) => `k${i}: ${s}`).join('\n') + '\n',
`---
# leading comment
a: |
  line 1

  line 2
    more
b: |-
  kept
c: >
  folded
  text

  para
d: >-
  x
  y
e: &blk |
  z
f:   # comment
  - x
  -
  - {a: [1, "2"], 'b': {}}
  - []
g: "a'b"
'h i': 'x'
"j": [ a , b ]
`, `- a: 1
  b:
  - x
  - y
-   c: 2
`, `  root: 1
  other: 2
`, 'a: b: c\n', 'a:\n  - x\n b: 1\n', 'a: "x\n  y"\n', 'a: x\n  y\n', 'a: [1,\n  2]\n', 'a: 1\na: 2\n', '? a\n: b\n', 'a: !!str 1\n',
  'a: 1\n---\nb: 2\n', 'a: 1\n...\n', '%YAML 1.2\n---\na: 1\n', 'a:\n\tb: 1\n', 'a: *nope\n', 'a: "\\n"\n', 'a: >\n  x\n   y\n', 'a: |\n\n  x\n',
  'a: |+\n  x\n', 'a: |2\n  x\n', '', '# only a comment\n', 'just a scalar\n', 'a: [1, 2,]\n', '- - nested\n', 'k: -\n', 'a: "\\q"\n', 'a: {b: }\n', 'a: [b: c]\n', '- - a\n', 'a: - b\n',
  'a:\r\n  b: 1\r\n', 'k: &a\n  x: 1\nj: &a 2\n', 'a: |\n  x\n  \n', 'a: |\n  x\n      \n', 'a: "x" y\n', 'a: &x *y\n', '8080: x\n'];

const rendered = (r: { root: unknown }) => ({ root: r.root });

/** Whenever lineParse builds a tree without errors, fullParse builds the same and reports none; with its one error, yaml errs on that line too. Returns whether it built one. */
function agrees(text: string, label: string): boolean {
  let line;
  try {
    line = lineParse(text);
  } catch (e) {
    assert.fail(`${label}: lineParse threw ${String(e)} on:\n${text}`);
  }
  if (!line) return false;
  const full = fullParse(text);
  if (line.errors.length > 0) {
    // lineParse's one error (a key being typed) is its own; yaml must report an error there too (on that
    // line, the next, or over it: it may read the key on into the line below).
    const lines = new LineIndex(text);
    const at = (o: number) => lines.position(o).line;
    for (const e of line.errors) {
      const near = (f: { start: number; end: number }) => at(f.start) === at(e.start) || at(f.start) === at(e.start) + 1 || (f.start <= e.start && e.start < f.end);
      assert.ok(full.errors.some(near), `${label}: yaml sees no error on line ${at(e.start) + 1}:\n${text}`);
    }
    return true;
  }
  assert.deepEqual(full.errors.map((e) => e.message), [], `${label}: lineParse built a tree where yaml reports errors:\n${text}`);
  assert.deepStrictEqual(rendered(line), rendered(full), `${label}: trees differ on:\n${text}`);
  return true;
}


describe('lineParse: the line-oriented YAML builder', function () {
  this.timeout(120_000);

  it('agrees with fullParse on every corpus file and sample it accepts, and accepts every clean corpus file', () => {
    const accepted = files.filter((f, i) => agrees(corpus[i] ?? '', f));
    const clean = files.filter((f) => f.includes('-clean-'));
    assert.ok(clean.length >= 10);
    assert.deepEqual(clean.filter((f) => !accepted.includes(f)), []);
    const built = TEXTS.map((t, i) => agrees(t, `text ${i}`));
    console.log(`      corpus: ${accepted.length}/${files.length} files built; texts: ${built.filter(Boolean).length}/${TEXTS.length} built`);
    assert.deepEqual(built.slice(0, 6), [true, true, true, true, true, true]); // the first six are inside the subset
  });

  it('builds the benchmark\'s 5,000-line stack file, identical to fullParse', () => {
    const text = stackFile(250);
    assert.ok(agrees(text, 'stackFile(250)'));
    assert.equal(parseYaml(text).root?.kind, 'map');
  });

  it('2,000 mutations of the corpus: never throws; a tree it builds is the one fullParse builds, without errors', () => {
    const rnd = prng(20261123);
    let built = 0;
    for (let i = 0; i < 2000; i++) {
      const text = mutate(corpus[Math.floor(rnd() * corpus.length)] ?? '', rnd);
      if (agrees(text, `mutation ${i}`)) built++;
    }
    console.log(`      2,000 mutations: ${built} built by lineParse, the rest left to the other builders`);
    assert.ok(built > 200);
  });

  it('2,000 generated stack files (the CLI-oracle generator): every tree lineParse builds is fullParse\'s', () => {
    let built = 0;
    for (const c of generateCases(7, 2000)) {
      const first = firstDocument(c.text);
      if (agrees(first ? c.text.slice(0, first.end) : c.text, c.recipe)) built++;
    }
    console.log(`      2,000 generated files: ${built} built by lineParse`);
    assert.ok(built > 500);
  });

  it('1,000 mutations of the texts above (block scalars, anchors, flow, escapes): same guarantee', () => {
    const rnd = prng(42);
    const seeds = [...TEXTS.slice(0, 6), 'a: "x\\ty\\u00e9" # c\nb: [\'q\', "\\"", {c: d}]\n'];
    let built = 0;
    for (let i = 0; i < 1000; i++) if (agrees(mutate(seeds[Math.floor(rnd() * seeds.length)] ?? '', rnd), `text mutation ${i}`)) built++;
    console.log(`      1,000 mutations: ${built} built by lineParse`);
    assert.ok(built > 100);
  });
});
