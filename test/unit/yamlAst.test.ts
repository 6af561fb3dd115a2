import assert from 'node:assert/strict';
import { resolveTree } from '../../src/stack/tree';
import { fullParse } from '../../src/yamlAst/fullParse';
import { lineParse } from '../../src/yamlAst/lineParse';
import { resolvePlain } from '../../src/yamlAst/cliScalars';
import { LineIndex, parseYaml, type YNode } from '../../src/yamlAst';
import { ANCHORS, SAMPLE } from '../support/yamlSamples';

/** Only what the linter relies on: kinds, offsets, values, styles. */
function shape(n: YNode | undefined, text: string): unknown {
  if (!n) return undefined;
  const anchor = n.kind !== 'alias' && n.anchor !== undefined ? ` &${n.anchor}` : '';
  const at = `${n.start}-${n.end}${anchor} ${JSON.stringify(text.slice(n.start, n.end)).slice(0, 30)}`;
  switch (n.kind) {
    case 'map': return { map: at, pairs: n.pairs.map((p) => [shape(p.key, text), shape(p.value, text)]) };
    case 'seq': return { seq: at, items: n.items.map((i) => shape(i, text)) };
    case 'scalar': return `${at} ${n.style} ${n.tag} ${JSON.stringify(n.value)}`;
    case 'alias': return `alias *${n.name} ${at} -> ${n.target ? n.target.start : 'none'}`;
  }
}

describe('YAML tree with offsets', () => {
  it('the line-oriented and the thorough (yaml) builders agree on a well-formed file, offsets included', () => {
    assert.deepEqual(shape(lineParse(SAMPLE)?.root, SAMPLE), shape(fullParse(SAMPLE).root, SAMPLE));
  });

  it('plain scalars are typed as the docker CLI (go-yaml v3) types them, not by YAML 1.2\'s core schema', () => {
    // Facts from go-yaml's resolver; the CLI-differential tests (test/oracle) hold them to the CLI itself.
    const cases: Array<[string, string, unknown]> = [
      ['yes', 'str', 'yes'], ['on', 'str', 'on'], ['True', 'bool', true], ['tRue', 'str', 'tRue'], ['~', 'null', null],
      ['0o17', 'int', 15], ['0x1F', 'int', 31], ['010', 'int', 8], ['08', 'float', 8], ['1_000', 'int', 1000], ['0b101', 'int', 5],
      ['+12', 'int', 12], ['-0', 'int', 0], ['1e3', 'float', 1000], ['.5', 'float', 0.5], ['3.', 'float', 3], ['.inf', 'float', Infinity],
      ['2001-12-14', 'timestamp', '2001-12-14'], ['2001-12-14t21:59:43.10-05:00', 'timestamp', '2001-12-14t21:59:43.10-05:00'],
      ['2001-13-14', 'str', '2001-13-14'], ['12:30', 'str', '12:30'], ['1e999', 'str', '1e999'], ['3.10', 'float', 3.1],
    ];
    for (const [text, tag, value] of cases) assert.deepEqual(resolvePlain(text), { tag, value }, text);
    const lines = cases.map(([s], i) => `k${i}: ${s}`).join('\n') + '\n';
    assert.deepEqual(shape(lineParse(lines)?.root, lines), shape(fullParse(lines).root, lines));
  });

  it('aliases point at the node anchored last before them; both builders agree', () => {
    const text = ANCHORS.slice(0, ANCHORS.indexOf('  api:'));
    const line = lineParse(text);
    assert.ok(line);
    assert.deepEqual(shape(line.root, text), shape(fullParse(text).root, text));
    const twice = 'a: &x 1\nb: *x\nc: &x 2\nd: *x\n';
    const root = fullParse(twice).root;
    assert.ok(root?.kind === 'map');
    const target = (i: number) => { const v = root.pairs[i]?.value; return v?.kind === 'alias' && v.target?.kind === 'scalar' ? v.target.value : undefined; };
    assert.deepEqual([target(1), target(3)], [1, 2]);
  });

  it('duplicate keys: the tree keeps both, the CLI\'s view reports the second (comparing texts: `1` and "1" clash)', () => {
    const dup = 'a: 1\nb:\n  c: 1\n  c: 2\na: 3\n"1": x\n1: y\n';
    const parsed = parseYaml(dup);
    assert.ok(parsed.root?.kind === 'map');
    assert.equal(parsed.root.pairs.length, 5);
    assert.deepEqual(parsed.errors, []);
    const issues = resolveTree(parsed.root).issues.filter((i) => i.kind === 'duplicate-key');
    assert.deepEqual(issues.map((i) => dup.slice(i.node.start, i.node.end)).sort(), ['1', 'a', 'c']);
  });

  it('ranges are exact: keys, plain and quoted scalars, flow maps', () => {
    const root = parseYaml(SAMPLE).root;
    assert.ok(root?.kind === 'map');
    const version = root.pairs[0];
    assert.equal(SAMPLE.slice(version?.key.start, version?.key.end), 'version');
    assert.equal(SAMPLE.slice(version?.value.start, version?.value.end), '"3.8"');
    assert.equal(version?.value.kind === 'scalar' && version.value.style, 'quoted');
  });

  it('an absent value is an empty scalar', () => {
    const text = 'a:\n  b:\nc: 1\n';
    const root = parseYaml(text).root;
    assert.ok(root?.kind === 'map');
    const a = root.pairs[0]?.value;
    assert.ok(a?.kind === 'map');
    assert.deepEqual([a.pairs[0]?.value.kind, a.pairs[0]?.value.kind === 'scalar' && a.pairs[0].value.style], ['scalar', 'empty']);
  });

  it('reports syntax errors and tabs at their positions; a BOM shifts nothing', () => {
    const lines = new LineIndex('');
    assert.equal(lines.lineCount, 1);
    const tab = 'services:\n\tweb:\n    image: a\n';
    assert.ok(parseYaml(tab).errors.some((e) => e.code === 'tab' || e.code === 'syntax'));
    const bad = 'services:\n  web:\n    image: [a, b\n';
    const e = parseYaml(bad).errors[0];
    assert.ok(e && e.code === 'syntax');
    const bom = '\ufeffa: 1\nb: [x]\n';
    for (const p of [lineParse(bom), fullParse(bom)]) {
      assert.ok(p?.root?.kind === 'map');
      assert.equal(bom.slice(p.root.pairs[1]?.key.start, p.root.pairs[1]?.key.end), 'b');
    }
  });

  it('a block scalar as a sequence item is read, CRLF or not', () => {
    for (const text of ['a:\n  - |\n    x\n  - y\n', 'a:\r\n  - |\r\n    x\r\n  - y\r\n']) {
      const root = parseYaml(text).root;
      assert.ok(root?.kind === 'map' && root.pairs[0]?.value.kind === 'seq');
      const [first] = root.pairs[0].value.items;
      assert.ok(first?.kind === 'scalar');
      assert.equal(first.value, 'x\n');
    }
  });

  it('only the first document counts, and a root collection indented past column 0 ends at the first line indented less', () => {
    const multi = parseYaml('a: 1\n---\nb: [\n');
    assert.deepEqual([multi.errors, multi.ignoredFrom?.why], [[], 'marker']);
    const dedent = parseYaml('  a: 1\nb: 2\n');
    assert.ok(dedent.root?.kind === 'map' && dedent.root.pairs.length === 1);
    assert.equal(dedent.ignoredFrom?.why, 'dedent');
    // Only a collection ends so: a scalar root goes on over the line (CLI: "mapping values are not allowed").
    const scalar = parseYaml('  vers\nion: "3.8"\n');
    assert.equal(scalar.ignoredFrom, undefined);
    assert.ok(scalar.errors.length > 0);
    // …but the reader scans a token past the end: a tab starting the next document fails.
    assert.equal(parseYaml('a: 1\n---\n\tb: 1\n').errors[0]?.message, 'found character that cannot start any token');
  });

  it('maps offsets to 0-based lines and characters and back', () => {
    const idx = new LineIndex('ab\ncd\n\nef');
    assert.deepEqual(idx.position(0), { line: 0, character: 0 });
    assert.deepEqual(idx.position(4), { line: 1, character: 1 });
    assert.deepEqual(idx.position(7), { line: 3, character: 0 });
    assert.equal(idx.offset({ line: 3, character: 1 }), 8);
  });
});
