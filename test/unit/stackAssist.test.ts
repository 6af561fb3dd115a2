import assert from 'node:assert/strict';
import { completionsAt, contextAt, hoverAt } from '../../src/stackLint/assist';
import { KEY_DOCS } from '../../src/stackLint/assist/keyDocs';
import { composeSchema, type Schema } from '../../src/stackLint/schema';

/** Split `text` at the `|` cursor marker. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'no cursor marker');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}
const ctx = (marked: string) => contextAt(...at(marked));
const labels = (marked: string, facts?: Parameters<typeof completionsAt>[2]) => completionsAt(...at(marked), facts).map((i) => i.label);
const item = (marked: string, label: string) => completionsAt(...at(marked)).find((i) => i.label === label);

const STACK = `version: "3.8"
services:
  web:
    image: nginx
    deploy:
      replicas: 2
      update_config:
        parallelism: 1
`;

describe('stackAssist: contextAt', () => {
  it('partial key in deploy', () => {
    const c = ctx(STACK + '      rep|');
    assert.deepEqual(c.path, ['services', 'web', 'deploy']);
    assert.equal(c.position, 'key');
    assert.equal(c.prefix, 'rep');
    assert.equal(c.start, STACK.length + 6);
    assert.ok('replicas' in c.siblings && 'update_config' in c.siblings);
  });
  it('empty line in deploy (cursor column decides)', () => {
    const c = ctx(STACK + '      |\n');
    assert.deepEqual(c.path, ['services', 'web', 'deploy']);
    assert.equal(c.position, 'key');
    assert.equal(c.prefix, '');
  });
  it('nested update_config', () => {
    const c = ctx(STACK + '        |');
    assert.deepEqual(c.path, ['services', 'web', 'deploy', 'update_config']);
    assert.deepEqual(Object.keys(c.siblings), ['parallelism']);
  });
  it('value after colon', () => {
    const c = ctx(STACK + '        order: sta|');
    assert.equal(c.position, 'value');
    assert.equal(c.key, 'order');
    assert.equal(c.prefix, 'sta');
    assert.deepEqual(c.path, ['services', 'web', 'deploy', 'update_config']);
  });
  it('top level and service level', () => {
    assert.deepEqual(ctx(STACK + '|').path, []);
    assert.deepEqual(ctx(STACK + '    |').path, ['services', 'web']);
    assert.deepEqual(ctx(STACK + '  |').path, ['services']);
  });
  it('list item under networks', () => {
    const c = ctx('services:\n  web:\n    networks:\n      - front\n      - |');
    assert.equal(c.position, 'item');
    assert.deepEqual(c.path, ['services', 'web', 'networks', '-']);
  });
  it('sequence at the same indentation as its key', () => {
    assert.deepEqual(ctx('services:\n  web:\n    networks:\n    - |').path, ['services', 'web', 'networks', '-']);
  });
  it('keys inside a sequence item mapping', () => {
    const text = 'services:\n  web:\n    secrets:\n      - source: a\n        |\n      - source: b\n        mode: 0400\n';
    const c = ctx(text);
    assert.equal(c.position, 'key');
    assert.deepEqual(c.path, ['services', 'web', 'secrets', '-']);
    assert.deepEqual(Object.keys(c.siblings), ['source']);
    const v = ctx('services:\n  web:\n    secrets:\n      - source: |');
    assert.equal(v.position, 'value');
    assert.equal(v.key, 'source');
    assert.deepEqual(v.path, ['services', 'web', 'secrets', '-']);
  });
  it('4-space indentation', () => {
    const c = ctx('services:\n    api:\n        deploy:\n            restart_policy:\n                cond|');
    assert.deepEqual(c.path, ['services', 'api', 'deploy', 'restart_policy']);
    assert.equal(c.prefix, 'cond');
  });
  it('a file that does not parse', () => {
    const text = 'services:\n  web:\n    image: "unterminated\n    ports: [80\n    deploy:\n      mode: |\n  db:\n    image: {';
    const c = ctx(text);
    assert.equal(c.position, 'value');
    assert.equal(c.key, 'mode');
    assert.deepEqual(c.path, ['services', 'web', 'deploy']);
  });
  it('skips blank and comment lines, stops in comments', () => {
    assert.deepEqual(ctx('services:\n  web:\n\n    # note\n\n    |').path, ['services', 'web']);
    assert.equal(ctx('services:\n  web: # co|').position, 'none');
  });
  it('documents separated by ---', () => {
    assert.deepEqual(ctx('services:\n  web:\n---\n|').path, []);
  });
  it('CRLF line endings', () => {
    const c = ctx('services:\r\n  web:\r\n    deploy:\r\n      |');
    assert.deepEqual(c.path, ['services', 'web', 'deploy']);
  });
});

describe('stackAssist: key completion', () => {
  it('offers deploy keys, without present ones', () => {
    const got = labels(STACK + '      |');
    for (const k of ['mode', 'placement', 'resources', 'restart_policy', 'rollback_config', 'endpoint_mode', 'labels']) assert.ok(got.includes(k), k);
    assert.ok(!got.includes('replicas'));
    assert.ok(!got.includes('update_config'));
  });
  it('insertText, detail and documentation', () => {
    const order = item(STACK + '        |', 'order');
    assert.equal(order?.insertText, 'order: ');
    assert.equal(order?.detail, 'one of stop-first | start-first');
    assert.match(order?.documentation ?? '', /start-first/);
    assert.equal(item(STACK + '        |', 'delay')?.detail, 'duration (e.g. 10s)');
    assert.equal(item(STACK + '      |', 'placement')?.insertText, 'placement:\n        ');
    assert.equal(item(STACK + '    |', 'ports')?.insertText, 'ports:\n      - ');
  });
  it('marks keys the CLI ignores and sorts them last; leaves out rejected ones', () => {
    const items = completionsAt(...at(STACK + '    |'));
    const firstIgnored = items.findIndex((i) => i.detail === 'ignored by docker stack deploy');
    assert.ok(firstIgnored > 0);
    assert.ok(items.slice(firstIgnored).every((i) => i.detail === 'ignored by docker stack deploy'));
    assert.ok(items.slice(firstIgnored).some((i) => i.label === 'container_name'));
    assert.ok(!items.some((i) => i.label === 'extends' || i.label === 'image' || i.label === 'deploy'));
  });
  it('top-level keys', () => {
    assert.deepEqual(labels(STACK + '|').sort(), ['configs', 'networks', 'secrets', 'volumes']);
  });
  it('keys of a sequence item mapping', () => {
    const got = labels('services:\n  web:\n    ports:\n      - target: 80\n        |');
    assert.deepEqual(got.sort(), ['mode', 'protocol', 'published']);
  });
  it('uses the file\'s indentation for objects', () => {
    assert.equal(item('services:\n    api:\n        |', 'healthcheck')?.insertText, 'healthcheck:\n            ');
  });
  it('nothing inside an extension or an unknown key', () => {
    assert.deepEqual(labels('x-common:\n  |'), []);
    assert.deepEqual(labels('services:\n  web:\n    bogus:\n      |'), []);
  });
});

describe('stackAssist: value completion', () => {
  it('enum values', () => {
    assert.deepEqual(labels(STACK + '      mode: |'), ['replicated', 'global', 'replicated-job', 'global-job']);
    assert.deepEqual(labels(STACK + '        order: |'), ['stop-first', 'start-first']);
    assert.deepEqual(labels(STACK + '        failure_action: |'), ['continue', 'pause', 'rollback']);
    assert.deepEqual(labels(STACK + '      rollback_config:\n        failure_action: |'), ['continue', 'pause', 'rollback']);
    assert.deepEqual(labels(STACK + '      restart_policy:\n        condition: |'), ['none', 'on-failure', 'any']);
    assert.deepEqual(labels(STACK + '      endpoint_mode: |'), ['vip', 'dnsrr']);
    assert.deepEqual(labels('services:\n  web:\n    ports:\n      - mode: |'), ['ingress', 'host']);
  });
  it('booleans', () => {
    assert.deepEqual(labels(STACK + '    read_only: |'), ['true', 'false']);
    assert.deepEqual(labels('networks:\n  net:\n    external: |'), ['true', 'false']);
    assert.deepEqual(labels(STACK + '    image: |'), []);
  });
  const DEFINED = 'services:\n  web:\n    image: x\n{svc}\nnetworks:\n  front:\n  back:\n    driver: overlay\n'
    + 'secrets:\n  db_pass:\n    file: ./p\nconfigs:\n  nginx_conf:\n    external: true\n';
  it('defined names for service networks/secrets/configs', () => {
    assert.deepEqual(labels(DEFINED.replace('{svc}', '    networks:\n      - |')), ['back', 'front']);
    assert.deepEqual(labels(DEFINED.replace('{svc}', '    secrets:\n      - |')), ['db_pass']);
    assert.deepEqual(labels(DEFINED.replace('{svc}', '    configs:\n      - source: |')), ['nginx_conf']);
    const mapForm = completionsAt(...at(DEFINED.replace('{svc}', '    networks:\n      front:\n      |')));
    assert.deepEqual(mapForm.map((i) => i.label), ['back']);
    assert.equal(mapForm[0]?.kind, 'name');
  });
  it('cluster names for external entries', () => {
    const facts = { networks: ['traefik-public', 'front'], secrets: ['old_pass'], configs: ['site_v1'] };
    const keys = completionsAt(...at('networks:\n  front:\n  |'), facts);
    assert.deepEqual(keys.map((i) => i.label), ['traefik-public']);
    assert.equal(keys[0]?.detail, 'exists in the swarm');
    assert.equal(keys[0]?.insertText, 'traefik-public:\n    external: true');
    assert.deepEqual(labels('secrets:\n  s:\n    external: true\n    name: |', facts), ['old_pass']);
    assert.deepEqual(labels('configs:\n  c:\n    external:\n      name: |', facts), ['site_v1']);
    assert.deepEqual(labels('configs:\n  c:\n    file: ./x\n    name: |', facts), []);
    assert.deepEqual(labels('networks:\n  |'), []);
  });
});

describe('stackAssist: hover', () => {
  const hover = (marked: string) => hoverAt(...at(marked));
  it('describes a key with its range', () => {
    const text = STACK + '        monitor: 10s\n';
    const start = text.indexOf('monitor');
    const h = hoverAt(text, start + 3);
    assert.deepEqual([h?.start, h?.end], [start, start + 'monitor'.length]);
    assert.match(h?.markdown ?? '', /\*\*monitor\*\* — `duration/);
    assert.match(h?.markdown ?? '', /watch for failure/);
    assert.match(hover(STACK.replace('replicas', 'repl|icas'))?.markdown ?? '', /Number of tasks/);
    assert.match(hover(STACK + '        max_failure|_ratio: 0.1')?.markdown ?? '', /fraction of failed task updates tolerated/i);
  });
  it('says when the CLI ignores or rejects a key', () => {
    assert.match(hover(STACK + '    rest|art: always')?.markdown ?? '', /Ignored by `docker stack deploy`.*deploy\.restart_policy/);
    assert.match(hover(STACK + '    mem_li|mit: 1g')?.markdown ?? '', /rejects.*deploy\.resources\.limits\.memory/);
    assert.match(hover('na|me: x\nservices: {}')?.markdown ?? '', /stack deploy/);
  });
  it('keys without docs still get their type; names; nothing on values', () => {
    assert.match(hover('services:\n  web:\n    volumes:\n      - type: bind\n        consis|tency: x')?.markdown ?? '', /\*\*consistency\*\* — `string`/);
    assert.match(hover('services:\n  w|eb:\n    image: x')?.markdown ?? '', /service of this stack/);
    assert.equal(hover(STACK.replace('nginx', 'ng|inx')), undefined);
    assert.equal(hover('x-foo:\n  ba|r: 1'), undefined);
  });
  it('works in a sequence item and on quoted keys', () => {
    assert.match(hover('services:\n  web:\n    secrets:\n      - sou|rce: a')?.markdown ?? '', /top level/);
    const text = 'services:\n  web:\n    "image": x';
    const h = hoverAt(text, text.indexOf('image'));
    assert.deepEqual([h?.start, h?.end], [text.indexOf('"image"'), text.indexOf('"image"') + 7]);
  });
});

describe('stackAssist: keyDocs coverage', () => {
  it('documents every key of the main schemas', () => {
    const main = ['top', 'service', 'deploy', 'updateConfig', 'rollbackConfig', 'restartPolicy', 'resources', 'limits', 'reservations', 'placement', 'healthcheck', 'logging'];
    const byId = new Map<string, Schema>();
    const visit = (s: Schema | undefined): void => {
      if (!s) return;
      if (s.id && s.properties && !byId.has(s.id)) byId.set(s.id, s);
      for (const p of Object.values(s.properties ?? {})) visit(p);
      visit(s.values); visit(s.items); for (const b of s.oneOf ?? []) visit(b);
    };
    visit(composeSchema(13));
    for (const name of main) {
      const prefix = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      assert.ok(byId.has(name), name);
      for (const key of Object.keys(byId.get(name)?.properties ?? {})) assert.ok(KEY_DOCS[`${prefix}.${key}`], `${prefix}.${key}`);
    }
  });
});
