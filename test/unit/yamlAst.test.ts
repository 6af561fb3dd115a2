import assert from 'node:assert/strict';
import { fastParse } from '../../src/yamlAst/fastParse';
import { fullParse } from '../../src/yamlAst/fullParse';
import { LineIndex, parseYaml, type YNode } from '../../src/yamlAst';
import { ANCHORS, SAMPLE } from '../support/yamlSamples';


const SCALARS = ['yes', 'No', 'on', '0o17', '0x1F', '.inf', '-.Inf', '2001-12-14', '2001-12-14t21:59:43.10-05:00',
  '010', '+12', '1e3', '.5', '3.', '1_000', '~', 'Null', 'TRUE', 'True', 'tRue', '"quoted"', "'single'", '0b101', '12:30', '"3.10"', '3.10', '-0', '0.', '+.inf', '.NaN'];


/** Only what the linter relies on: kinds, offsets, values, styles. */
function shape(n: YNode | undefined, text: string): unknown {
  if (!n) return undefined;
  const anchor = n.kind !== 'alias' && n.anchor !== undefined ? ` &${n.anchor}` : '';
  const at = `${n.start}-${n.end}${anchor} ${JSON.stringify(text.slice(n.start, n.end)).slice(0, 30)}`;
  switch (n.kind) {
    case 'map': return { map: at, pairs: n.pairs.map((p) => [shape(p.key, text), shape(p.value, text)]) };
    case 'seq': return { seq: at, items: n.items.map((i) => shape(i, text)) };
    case 'scalar': return `${at} ${n.style} ${JSON.stringify(n.value)}`;
    case 'alias': return `alias *${n.name} ${at}`;
  }
}

describe('YAML tree with offsets', () => {
  it('the fast (js-yaml) and thorough (yaml) builders agree on a well-formed file, offsets included', () => {
    assert.deepEqual(shape(fastParse(SAMPLE)?.root, SAMPLE), shape(fullParse(SAMPLE).root, SAMPLE));
  });

  it('both builders read scalars under YAML 1.2 core rules (no timestamps, no YAML 1.1 booleans)', () => {
    const lines = SCALARS.map((s, i) => `k${i}: ${s}`).join('\n') + '\n';
    const fast = fastParse(lines);
    assert.ok(fast);
    assert.deepEqual(shape(fast.root, lines), shape(fullParse(lines).root, lines));
    const root = fast.root;
    assert.ok(root?.kind === 'map');
    const value = (i: number) => { const v = root.pairs[i]?.value; return v?.kind === 'scalar' ? v.value : undefined; };
    assert.deepEqual([value(0), value(3), value(5), value(7)], ['yes', 15, Infinity, '2001-12-14']);
  });

  it('anchors and aliases: both builders agree and map names to anchored nodes', () => {
    const text = ANCHORS;
    const fast = fastParse(text);
    const full = fullParse(text);
    assert.ok(fast);
    assert.deepEqual(shape(fast.root, text), shape(full.root, text));
    const names = (m: ReadonlyMap<string, YNode>) => [...m].map(([k, v]) => `${k}=${shape(v, text) === undefined ? '' : JSON.stringify(shape(v, text)).slice(0, 60)}`).sort();
    assert.deepEqual(names(fast.anchors), names(full.anchors));
    assert.deepEqual([...fast.anchors.keys()].sort(), ['common', 'img', 'list', 'nothing', 'port']);
    const common = fast.anchors.get('common');
    assert.ok(common?.kind === 'map' && common.anchor === 'common');
    assert.equal(text.slice(common.start, common.start + 7), 'logging');
  });

  it('duplicate keys do not stop the fast builder: the tree keeps both, the error points at the second', () => {
    const dup = 'a: 1\nb:\n  c: 1\n  c: 2\na: 3\n';
    const fast = fastParse(dup);
    assert.ok(fast?.root?.kind === 'map');
    assert.equal(fast.root.pairs.length, 3);
    assert.deepEqual(fast.errors.map((e) => dup.slice(e.start, e.end)), ['c', 'a']);
    assert.deepEqual(fast.errors.map((e) => e.start), fullParse(dup).errors.filter((e) => e.code === 'duplicate-key').map((e) => e.start));
    assert.deepEqual(shape(fast.root, dup), shape(fullParse(dup).root, dup));
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

  it('reports syntax errors, tabs and every duplicate key at their positions', () => {
    const lines = new LineIndex('');
    assert.equal(lines.lineCount, 1);
    const dup = 'services:\n  web:\n    image: a\n    image: b\n  web:\n    image: c\n';
    const r = parseYaml(dup);
    const dups = r.errors.filter((e) => e.code === 'duplicate-key');
    assert.equal(dups.length, 2);
    const idx = new LineIndex(dup);
    assert.deepEqual(dups.map((e) => idx.position(e.start)), [{ line: 3, character: 4 }, { line: 4, character: 2 }]);
    const tab = 'services:\n\tweb:\n    image: a\n';
    assert.ok(parseYaml(tab).errors.some((e) => e.code === 'tab' || e.code === 'syntax'));
    const bad = 'services:\n  web:\n    image: [a, b\n';
    const e = parseYaml(bad).errors[0];
    assert.ok(e && e.code === 'syntax');
  });

  it('maps offsets to 0-based lines and characters and back', () => {
    const idx = new LineIndex('ab\ncd\n\nef');
    assert.deepEqual(idx.position(0), { line: 0, character: 0 });
    assert.deepEqual(idx.position(4), { line: 1, character: 1 });
    assert.deepEqual(idx.position(7), { line: 3, character: 0 });
    assert.equal(idx.offset({ line: 3, character: 1 }), 8);
  });
});
