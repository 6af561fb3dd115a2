import assert from 'node:assert/strict';
import { externalRefs, parseLabelConstraint } from '../../src/stackLint/externals';
import { readStack } from '../../src/stack/document';
import { lintStack, type ClusterFacts, type LintContext, type StackDiagnostic } from '../../src/stackLint';

const CLUSTER: ClusterFacts = {
  networks: ['ingress', 'backend'],
  secrets: ['db_password'],
  configs: ['nginx_v2'],
  nodeLabels: [{ zone: 'eu', ssd: 'true' }, { zone: 'us' }],
  engineLabels: [{ storage: 'ssd' }, {}],
};

const STACK = `version: "3.8"
services:
  web:
    image: nginx
    networks: [front, backend, host_net]
    secrets: [db_password, api_key]
    configs: [conf]
    deploy:
      placement:
        constraints:
          - node.labels.zone == EU
          - node.labels.zone == asia
          - node.labels.gpu != true
          - node.labels.ssd != true
          - engine.labels.storage == hdd
          - node.role == manager
networks:
  front:
  backend:
    external: true
  host_net:
    external: true
    name: host
secrets:
  db_password:
    external: true
  api_key:
    external:
      name: api_key_v1
configs:
  conf:
    name: nginx_v3
    external: true
`;

const found = (ds: StackDiagnostic[], code: string) => ds.filter((d) => d.code === code);

describe('stackLint: cluster-aware checks', () => {
  const ctx: LintContext = { cluster: CLUSTER };

  it('external-not-found: at the declaration key, with the command that creates it', () => {
    const ds = found(lintStack(STACK, ctx), 'external-not-found');
    assert.deepEqual(ds.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.data?.name]), [
      [26, 2, 9, 'api_key_v1'],
      [30, 2, 6, 'nginx_v3'],
    ]);
    assert.ok(ds.every((d) => d.severity === 'error'));
    assert.match(ds[0]?.message ?? '', /^Secret `api_key_v1` is declared external but does not exist in the swarm: create it first \(`docker secret create api_key_v1 /);
    assert.match(ds[1]?.message ?? '', /^Config `nginx_v3` .*docker config create nginx_v3/);
  });

  it('external-not-found: a missing network names the overlay command', () => {
    const ds = found(lintStack(STACK, { cluster: { ...CLUSTER, networks: [] } }), 'external-not-found');
    const net = ds.find((d) => d.data?.kind === 'network');
    assert.equal(net?.message, 'Network `backend` is declared external but does not exist in the swarm: create it first (`docker network create -d overlay --scope swarm backend`) or drop `external`.');
    assert.deepEqual(net?.range, { start: { line: 18, character: 2 }, end: { line: 18, character: 9 } });
    assert.equal(ds.filter((d) => d.data?.kind === 'network').length, 1, 'host is built in');
  });

  it('constraint-unsatisfiable: == with no matching node, != that every node matches', () => {
    const ds = found(lintStack(STACK, ctx), 'constraint-unsatisfiable');
    assert.deepEqual(ds.map((d) => d.range.start.line), [11, 14]);
    assert.ok(ds.every((d) => d.severity === 'warning'));
    assert.match(ds[0]?.message ?? '', /^no node has node label zone=asia: the tasks will stay Pending/);
    assert.match(ds[1]?.message ?? '', /^no node has engine label storage=hdd/);
    const allSsd = { ...CLUSTER, nodeLabels: [{ ssd: 'true' }, { ssd: 'TRUE' }] };
    const d = found(lintStack(STACK, { cluster: allSsd }), 'constraint-unsatisfiable').find((x) => x.range.start.line === 13);
    assert.match(d?.message ?? '', /^every node has node label ssd=true/);
  });

  it('without a cluster (or without node facts) nothing is checked', () => {
    assert.deepEqual(found(lintStack(STACK), 'external-not-found').concat(found(lintStack(STACK), 'constraint-unsatisfiable')), []);
    const noNodes = lintStack(STACK, { cluster: { ...CLUSTER, nodeLabels: [], engineLabels: undefined } });
    assert.deepEqual(found(noNodes, 'constraint-unsatisfiable'), []);
  });

  it('external objects are read by their swarm name; label constraints by scope, label, operator, value', () => {
    const model = readStack(STACK, undefined).model;
    assert.ok(model);
    const refs = externalRefs(model);
    const names = (kind: string) => refs.filter((r) => r.kind === kind).map((r) => r.name);
    assert.deepEqual(names('network'), ['backend']);
    assert.deepEqual(names('secret'), ['db_password', 'api_key_v1']);
    assert.deepEqual(names('config'), ['nginx_v3']);
    const constraints = ['node.labels.zone == EU', 'node.labels.zone == asia', 'node.labels.gpu != true', 'node.labels.ssd != true',
      'engine.labels.storage == hdd', 'node.role == manager'];
    assert.deepEqual(constraints.map((c) => parseLabelConstraint('web', c)).filter((c) => c !== undefined)
      .map((c) => `${c.service} ${c.scope}.${c.label} ${c.op} ${c.value}`), [
      'web node.zone == EU', 'web node.zone == asia', 'web node.gpu != true', 'web node.ssd != true', 'web engine.storage == hdd',
    ]);
  });
});
