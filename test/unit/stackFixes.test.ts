import assert from 'node:assert/strict';
import { lintStack, StackDiagnostic } from '../../src/stackLint';
import { quickFixesFor, QuickFix } from '../../src/stackLint/fixes';
import { applyEdits } from '../support/applyEdits';

function diagnostic(text: string, code: string, key?: string): StackDiagnostic {
  const found = lintStack(text).filter((d) => d.code === code && (key === undefined || d.data?.key === key || d.data?.name === key));
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(lintStack(text))}`);
  return found[0] as StackDiagnostic;
}

const errors = (text: string) => lintStack(text).filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);

/** Applies the fix titled `title` to `code`'s diagnostic; checks the diagnostic is gone and no error was added. */
function fix(text: string, code: string, title: string | RegExp, key?: string): string {
  const d = diagnostic(text, code, key);
  const fixes = quickFixesFor(text, d);
  const chosen = fixes.find((f) => (typeof title === 'string' ? f.title === title : title.test(f.title)));
  assert.ok(chosen, `no fix "${String(title)}" in ${JSON.stringify(fixes.map((f) => f.title))}`);
  const out = applyEdits(text, chosen.edits);
  const after = lintStack(out);
  assert.ok(!after.some((x) => x.code === code && x.message === d.message), `${code} still reported:\n${out}`);
  const before = new Set(errors(text));
  assert.deepEqual(errors(out).filter((e) => !before.has(e)), [], `new errors:\n${out}`);
  return out;
}

const titles = (fixes: QuickFix[]) => fixes.map((f) => f.title);
const svc = (body: string, tail = '') => `services:\n  web:\n    image: nginx\n${body}${tail}`;

describe('stackLint fixes: suggestions', () => {
  it('unknown-key: rename to the suggested key (preferred)', () => {
    const text = svc('    deploy:\n      replicaz: 2\n');
    const fixes = quickFixesFor(text, diagnostic(text, 'unknown-key'));
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred]), [['Change to `replicas`', true]]);
    assert.equal(fix(text, 'unknown-key', 'Change to `replicas`'), svc('    deploy:\n      replicas: 2\n'));
  });
  it('wrong-type: quote cpus; bad-enum; bad-version', () => {
    assert.equal(fix(svc('    deploy:\n      resources:\n        limits:\n          cpus: 0.5\n'), 'wrong-type', 'Change to `"0.5"`'),
      svc('    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n'));
    assert.equal(fix(svc('    deploy:\n      endpoint_mode: dnsr\n'), 'invalid-value', 'Change to `dnsrr`'), svc('    deploy:\n      endpoint_mode: dnsrr\n'));
    assert.equal(fix(svc('    deploy:\n      update_config:\n        order: stop-frist\n'), 'bad-enum', 'Change to `stop-first`'), svc('    deploy:\n      update_config:\n        order: stop-first\n'));
    assert.equal(fix(`version: 3.8\n${svc('')}`, 'bad-version', 'Change to `"3.8"`'), `version: "3.8"\n${svc('')}`);
    assert.equal(fix(`version: "2.4"\n${svc('')}`, 'bad-version', 'Change to `"3.8"`'), `version: "3.8"\n${svc('')}`);
  });
  it('no suggestion, no fix', () => {
    const text = svc('    zzzzzzzz: 1\n');
    assert.deepEqual(quickFixesFor(text, diagnostic(text, 'unknown-key')), []);
  });
});

describe('stackLint fixes: restart → deploy.restart_policy', () => {
  const cases: Array<[string, string]> = [
    ['"no"', '        condition: none\n'],
    ['always', '        condition: any\n'],
    ['unless-stopped', '        condition: any\n'],
    ['on-failure', '        condition: on-failure\n'],
    ['on-failure:3', '        condition: on-failure\n        max_attempts: 3\n'],
  ];
  for (const [value, policy] of cases) {
    it(`restart: ${value} with no deploy creates it`, () => {
      const text = svc(`    restart: ${value}\n    ports: ["80:80"]\n`);
      assert.equal(fix(text, 'restart-ignored', 'Move `restart` to `deploy.restart_policy`'), svc(`    ports: ["80:80"]\n    deploy:\n      restart_policy:\n${policy}`));
    });
  }
  it('extends an existing deploy, 4-space indentation', () => {
    const text = 'services:\n    web:\n        image: nginx\n        restart: always # keep up\n        deploy:\n            replicas: 2\n    db:\n        image: pg\n';
    assert.equal(fix(text, 'restart-ignored', 'Move `restart` to `deploy.restart_policy`'),
      'services:\n    web:\n        image: nginx\n        deploy:\n            replicas: 2\n            restart_policy:\n                condition: any\n    db:\n        image: pg\n');
  });
  it('fills an empty `deploy:`; keeps CRLF', () => {
    const text = 'services:\r\n  web:\r\n    image: nginx\r\n    deploy:\r\n    restart: on-failure\r\n';
    assert.equal(fix(text, 'restart-ignored', 'Move `restart` to `deploy.restart_policy`'),
      'services:\r\n  web:\r\n    image: nginx\r\n    deploy:\r\n      restart_policy:\r\n        condition: on-failure\r\n');
  });
  it('restart_policy already there: only removal is offered', () => {
    const text = svc('    restart: always\n    deploy:\n      restart_policy:\n        condition: any\n');
    const fixes = quickFixesFor(text, diagnostic(text, 'restart-ignored'));
    assert.deepEqual(titles(fixes), ['Remove `restart`']);
    assert.equal(fix(text, 'restart-ignored', 'Remove `restart`'), svc('    deploy:\n      restart_policy:\n        condition: any\n'));
  });
  it('flow-style deploy: no move', () => {
    const text = svc('    restart: always\n    deploy: {replicas: 2}\n');
    assert.deepEqual(titles(quickFixesFor(text, diagnostic(text, 'restart-ignored'))), ['Remove `restart`']);
  });
});

describe('stackLint fixes: a known key in the wrong place moves where it belongs', () => {
  it('`replica` at service level → deploy.replicas (creating deploy)', () => {
    const text = svc('    replica: 2\n');
    const d = diagnostic(text, 'unknown-key');
    assert.match(d.message, /belongs under the service as `deploy\.replicas`/);
    assert.equal(fix(text, 'unknown-key', 'Move `replica` to `deploy.replicas`'), svc('    deploy:\n      replicas: 2\n'));
  });
  it('`cpus` in deploy → deploy.resources.limits.cpus, quoted', () => {
    const text = svc('    deploy:\n      replicas: 1\n      cpus: 0.5\n');
    assert.equal(fix(text, 'unknown-key', /^Move `cpus` to `deploy\.resources\.limits\.cpus`/), svc('    deploy:\n      replicas: 1\n      resources:\n        limits:\n          cpus: "0.5"\n'));
  });
  it('`restart_policy` at service level → deploy.restart_policy needs a block: no move, removal only', () => {
    const text = svc('    restart_policy:\n      condition: any\n');
    assert.deepEqual(titles(quickFixesFor(text, diagnostic(text, 'unknown-key'))), ['Remove `restart_policy`']);
  });
});

describe('stackLint fixes: compose resources → deploy.resources', () => {
  it('cpus with no deploy: creates the maps and quotes the number', () => {
    const text = svc('    cpus: 0.5\n');
    const fixes = quickFixesFor(text, diagnostic(text, 'unsupported-key'));
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred ?? false]), [['Move `cpus` to `deploy.resources.limits.cpus`', true], ['Remove `cpus`', false]]);
    assert.equal(fix(text, 'unsupported-key', /^Move/), svc('    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n'));
  });
  it('mem_limit joins existing limits; mem_reservation adds reservations (4 spaces, CRLF)', () => {
    const text = 'services:\r\n    web:\r\n        image: nginx\r\n        mem_limit: 512m\r\n        deploy:\r\n            resources:\r\n                limits:\r\n                    cpus: "1"\r\n';
    assert.equal(fix(text, 'unsupported-key', /^Move/),
      'services:\r\n    web:\r\n        image: nginx\r\n        deploy:\r\n            resources:\r\n                limits:\r\n                    cpus: "1"\r\n                    memory: 512m\r\n');
    const res = svc('    mem_reservation: 256M\n    deploy:\n      replicas: 1\n');
    assert.equal(fix(res, 'unsupported-key', /^Move/), svc('    deploy:\n      replicas: 1\n      resources:\n        reservations:\n          memory: 256M\n'));
  });
  it('flow-style map on the path, or the target key already set: removal only', () => {
    const flow = svc('    cpus: 1\n    deploy:\n      resources: {limits: {memory: 1G}}\n');
    assert.deepEqual(titles(quickFixesFor(flow, diagnostic(flow, 'unsupported-key'))), ['Remove `cpus`']);
    const set = svc('    cpus: 1\n    deploy:\n      resources:\n        limits:\n          cpus: "2"\n');
    assert.deepEqual(titles(quickFixesFor(set, diagnostic(set, 'unsupported-key'))), ['Remove `cpus`']);
  });
});

describe('stackLint fixes: remove', () => {
  it('removes the pair with its block and trailing comment, not the next key\'s comment', () => {
    const text = svc('    build: # local only\n      context: .\n      args:\n        - A=1\n    # the port\n    ports: ["80:80"]\n');
    assert.equal(fix(text, 'ignored-key', 'Remove `build`'), svc('    # the port\n    ports: ["80:80"]\n'));
  });
  it('last key of the file, no final line break; CRLF', () => {
    assert.equal(fix(svc('    privileged: true'), 'ignored-key', 'Remove `privileged`'), svc(''));
    const crlf = 'services:\r\n  web:\r\n    image: nginx\r\n    container_name: web\r\n    ports: ["80:80"]\r\n';
    assert.equal(fix(crlf, 'ignored-key', 'Remove `container_name`'), 'services:\r\n  web:\r\n    image: nginx\r\n    ports: ["80:80"]\r\n');
  });
  it('unsupported-key, extends included', () => {
    assert.equal(fix(svc('    pull_policy: always\n'), 'unsupported-key', 'Remove `pull_policy`'), svc(''));
    assert.equal(fix(svc('    extends:\n      service: base\n'), 'unsupported-key', 'Remove `extends`'), svc(''));
  });
});

describe('stackLint fixes: define references', () => {
  it('network: creates `networks:` at the end with an overlay driver', () => {
    const text = svc('    networks: [backend]\n');
    assert.equal(fix(text, 'undefined-network', 'Define network `backend`'), svc('    networks: [backend]\n', 'networks:\n  backend:\n    driver: overlay\n'));
  });
  it('network: joins an existing section (4 spaces), no final line break', () => {
    const text = 'services:\n    web:\n        image: nginx\n        networks: [front, back]\nnetworks:\n    front:\n        driver: overlay';
    assert.equal(fix(text, 'undefined-network', 'Define network `back`'),
      'services:\n    web:\n        image: nginx\n        networks: [front, back]\nnetworks:\n    front:\n        driver: overlay\n    back:\n        driver: overlay\n');
  });
  it('secret: external or file, joining an existing `secrets:` before other sections', () => {
    const text = svc('    secrets: [db_pass]\n', 'secrets:\n  api_key:\n    external: true\nvolumes:\n  data:\n');
    const fixes = quickFixesFor(text, diagnostic(text, 'undefined-secret'));
    assert.deepEqual(titles(fixes), ['Define secret `db_pass` as external', 'Define secret `db_pass` from file ./db_pass']);
    assert.equal(fix(text, 'undefined-secret', /external/), svc('    secrets: [db_pass]\n', 'secrets:\n  api_key:\n    external: true\n  db_pass:\n    external: true\nvolumes:\n  data:\n'));
    assert.equal(fix(text, 'undefined-secret', /file/), svc('    secrets: [db_pass]\n', 'secrets:\n  api_key:\n    external: true\n  db_pass:\n    file: ./db_pass\nvolumes:\n  data:\n'));
  });
  it('config (long syntax, CRLF) and volume (empty section)', () => {
    const text = 'services:\r\n  web:\r\n    image: nginx\r\n    configs:\r\n      - source: conf\r\n        target: /c\r\n';
    assert.equal(fix(text, 'undefined-config', /external/), `${text}configs:\r\n  conf:\r\n    external: true\r\n`);
    const vol = svc('    volumes:\n      - data:/var/lib/data\n', 'volumes:\n');
    assert.equal(fix(vol, 'undefined-volume', 'Define volume `data`'), svc('    volumes:\n      - data:/var/lib/data\n', 'volumes:\n  data:\n'));
  });
});
