import assert from 'node:assert/strict';
import { lintStack, LintContext } from '../../src/stackLint';
import { range, expectOne, codes, svc } from '../support/stackLintHelpers';


describe('stackLint: references', () => {
  it('undefined-network (list and mapping forms); default is implicit', () => {
    expectOne(svc('    networks: [front, default]\n'), 'undefined-network', 'error', range(3, 15, 3, 20));
    expectOne(svc('    networks:\n      back:\n        aliases: [b]\n'), 'undefined-network', 'error', range(4, 6, 4, 10));
    assert.deepEqual(codes(svc('    networks: [front]\n', 'networks:\n  front:\n')), []);
  });
  it('undefined-secret and undefined-config (short and long syntax)', () => {
    expectOne(svc('    secrets: [db_pass]\n'), 'undefined-secret', 'error', range(3, 14, 3, 21));
    expectOne(svc('    configs:\n      - source: conf\n        target: /c\n'), 'undefined-config', 'error', range(4, 16, 4, 20));
    const tail = 'secrets:\n  db_pass:\n    external: true\nconfigs:\n  conf:\n    external: true\n';
    assert.deepEqual(codes(svc('    secrets: [db_pass]\n    configs: [{source: conf, target: /c}]\n', tail)), []);
  });
  it('undefined-volume: named sources only, not paths or anonymous volumes', () => {
    expectOne(svc('    volumes:\n      - data:/var/lib/data\n      - ./local:/x\n      - /abs:/y:ro\n      - /anon\n'), 'undefined-volume', 'error', range(4, 8, 4, 26));
    expectOne(svc('    volumes:\n      - type: volume\n        source: logs\n        target: /l\n'), 'undefined-volume', 'error', range(5, 16, 5, 20));
    assert.deepEqual(codes(svc('    volumes: ["data:/d", {type: bind, source: ./x, target: /x}]\n', 'volumes:\n  data:\n')), []);
  });
  it('missing-file for secrets/configs files, via the injected fileExists', () => {
    const text = svc('', 'secrets:\n  s:\n    file: ./missing.txt\nconfigs:\n  c:\n    file: ./here.conf\n');
    const ctx: LintContext = { fileExists: (p) => p === './here.conf' };
    const d = expectOne(text, 'missing-file', 'error', range(5, 10, 5, 23), ctx);
    assert.match(d.message, /missing\.txt/);
    assert.ok(!codes(text).includes('missing-file'), 'no fileExists, no check');
  });
});

describe('stackLint: required-variable', () => {
  const text = svc('    environment:\n      TOKEN: ${TOKEN:?set TOKEN first}\n      OPT: ${OPT?need OPT}\n      ESC: $${NOT:?x}\n');
  it('reports unset variables with the user message', () => {
    const found = lintStack(text, { env: {} }).filter((d) => d.code === 'required-variable');
    assert.deepEqual(found.map((d) => [d.severity, d.range]), [['error', range(4, 13, 4, 38)], ['error', range(5, 11, 5, 26)]]);
    assert.match(found[0].message, /TOKEN.*set TOKEN first/);
    assert.match(found[1].message, /OPT.*need OPT/);
  });
  it(':? also rejects empty values; ? accepts them', () => {
    const found = lintStack(text, { env: { TOKEN: '', OPT: '' } }).filter((d) => d.code === 'required-variable');
    assert.deepEqual(found.map((d) => d.data?.variable), ['TOKEN']);
  });
  it('inside a longer value the range is the ${...} token itself', () => {
    const t = svc('    environment:\n      A: "pre-${TAG:?set TAG}-post"\n      B: x-${TAG:?set TAG}\n');
    const found = lintStack(t, { env: {} }).filter((d) => d.code === 'required-variable');
    assert.deepEqual(found.map((d) => d.range), [range(4, 14, 4, 29), range(5, 11, 5, 26)]);
  });
  it('a variable only in the .env beside the file: still an error, saying the CLI does not read .env', () => {
    const found = lintStack(text, { env: {}, dotenv: { TOKEN: 'x' } }).filter((d) => d.code === 'required-variable');
    assert.match(found[0]?.message ?? '', /\.env file beside the stack file, but docker stack deploy does not read \.env files: export it/);
    assert.match(found[1]?.message ?? '', /Set it in the environment/);
  });
  it('set variables, or no env given, report nothing', () => {
    assert.deepEqual(codes(text, { env: { TOKEN: 't', OPT: 'o' } }), []);
    assert.deepEqual(codes(text), []);
  });
});
