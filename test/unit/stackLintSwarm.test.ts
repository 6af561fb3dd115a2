import assert from 'node:assert/strict';
import { lintStack } from '../../src/stackLint';
import { checkConstraint } from '../../src/domain/constraints';
import { range, expectOne, codes, svc } from '../support/stackLintHelpers';


describe('stackLint: keys docker stack deploy ignores', () => {
  it('restart-ignored: says what `restart` really becomes (the CLI claims it ignores it)', () => {
    const d = expectOne(svc('    restart: always\n'), 'restart-ignored', 'warning', range(3, 4, 3, 11));
    assert.match(d.message, /Ignoring unsupported options: restart.*condition any/);
  });
  it('ignored-key: build, container_name, privileged', () => {
    const found = lintStack(svc('    build: .\n    container_name: w\n    privileged: true\n')).filter((d) => d.code === 'ignored-key');
    assert.deepEqual(found.map((d) => d.range.start.line), [3, 4, 5]);
  });
  it('keys swarm honours are not reported', () => {
    assert.deepEqual(codes(svc('    cap_add: [NET_ADMIN]\n    init: true\n    ulimits:\n      nofile: {soft: 1024, hard: 2048}\n')), []);
  });
  it('ignored-key: a bind mount\'s create_host_path, which the CLI drops (measured on the lab: a missing source rejects every task)', () => {
    const text = svc('    volumes:\n      - type: bind\n        source: /srv\n        target: /srv\n        bind:\n          create_host_path: true\n');
    const d = expectOne(text, 'ignored-key', 'warning', range(8, 10, 8, 26));
    assert.match(d.message, /must exist on every node/);
  });
  it('depends-on-ignored is an info at the key', () => {
    const d = expectOne(svc('    depends_on: [db]\n'), 'depends-on-ignored', 'info', range(3, 4, 3, 14));
    assert.match(d.message, /retry their dependencies/);
  });
  it('extends is refused (unsupported-key), pointing to anchors', () => {
    const d = expectOne(svc('    extends: base\n'), 'unsupported-key', 'error', range(3, 4, 3, 11));
    assert.match(d.message, /<<: \*common/);
  });
});

describe('stackLint: service rules', () => {
  it('missing-image at the service name', () => {
    const d = expectOne('services:\n  web:\n    command: ["run"]\n', 'missing-image', 'error', range(1, 2, 1, 5));
    assert.match(d.message, /`web`/);
  });
  it('an image merged from an anchor counts', () => {
    const text = 'x-base: &base\n  image: nginx\nservices:\n  web:\n    <<: *base\n    command: run\n';
    assert.deepEqual(codes(text), []);
  });
  it('replicas-with-global at replicas', () => {
    expectOne(svc('    deploy:\n      mode: global\n      replicas: 2\n'), 'replicas-with-global', 'error', range(5, 6, 5, 14));
    assert.deepEqual(codes(svc('    deploy:\n      mode: replicated\n      replicas: 2\n')), []);
  });
  it('dnsrr-ingress-port: short syntax and long syntax without mode: host', () => {
    const text = svc('    ports:\n      - "80:80"\n      - target: 443\n        published: 443\n      - target: 8080\n        published: 8080\n        mode: host\n    deploy:\n      endpoint_mode: dnsrr\n');
    const found = lintStack(text).filter((d) => d.code === 'dnsrr-ingress-port');
    assert.deepEqual(found.map((d) => d.range), [range(4, 8, 4, 15), range(5, 8, 6, 22)]);
    assert.ok(found.every((d) => d.severity === 'error'));
  });
  it('dnsrr without ports, or vip with ports, is fine', () => {
    assert.deepEqual(codes(svc('    deploy:\n      endpoint_mode: dnsrr\n')), []);
    assert.deepEqual(codes(svc('    ports: ["80:80"]\n    deploy:\n      endpoint_mode: vip\n')), []);
  });
});

describe('stackLint: bad-constraint', () => {
  const placed = (c: string) => svc(`    deploy:\n      placement:\n        constraints:\n          - ${c}\n`);
  it('unknown attribute: a warning (the CLI deploys, tasks stay Pending) with did-you-mean', () => {
    const d = expectOne(placed('node.label.zone == eu'), 'bad-constraint', 'warning', range(6, 12, 6, 33));
    assert.equal(d.data?.suggestion, 'node.labels.zone == eu');
  });
  it('bad operator', () => {
    expectOne(placed('node.hostname = a'), 'bad-constraint', 'error', range(6, 12, 6, 29));
  });
  it('node.role must be manager or worker (a warning: the engine accepts the service, its tasks stay Pending)', () => {
    const d = expectOne(placed('node.role == managr'), 'bad-constraint', 'warning', range(6, 12, 6, 31));
    assert.equal(d.data?.suggestion, 'node.role == manager');
  });
  it('valid constraints', () => {
    for (const c of ['node.role == manager', 'node.id != abc', 'node.labels.zone == eu-1', 'engine.labels.os==linux', 'node.platform.arch == x86_64', 'node.hostname != ${HOST}']) {
      assert.deepEqual(codes(placed(`"${c}"`)), [], c);
    }
  });
  it('checkConstraint suggests close attributes', () => {
    assert.equal(checkConstraint('node.hostame == a')?.suggestion, 'node.hostname == a');
    assert.equal(checkConstraint('engine.labels.x == 1'), undefined);
  });
});
