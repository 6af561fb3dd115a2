// Cluster-aware stack checks against the real lab swarm: the facts are read from the engine, and the
// two corpus cases only a live swarm can judge get the CLI's verdict.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type Docker from 'dockerode';
import { readClusterFacts } from '../../src/cli/clusterFacts';
import type { ClusterFacts } from '../../src/stackLint';
import { lintStack } from '../../src/stackLint';
import { dockerFor } from '../support/engine';
import { labs, SMALL, type Lab } from '../support/lab';

const ROOT = path.join(__dirname, '..', '..');
const CASES = path.join(ROOT, 'test', 'stack-corpus', 'cases');

const STACK = `version: "3.8"
services:
  web:
    image: local/busybox:1
    networks: [front]
    secrets: [token]
    deploy:
      placement:
        constraints: ["node.labels.it-zone == eu-1"]
  api:
    image: local/busybox:1
    deploy:
      placement:
        constraints: ["node.labels.it-zone == mars"]
networks:
  front:
    external: true
    name: it-ext-net
secrets:
  token:
    external: true
    name: it-ext-secret
`;

describe('cluster-aware stack checks on a real swarm', function () {
  let docker: Docker;
  let facts: ClusterFacts;
  let nodeId = '';

  async function labelNode(labels: Record<string, string>): Promise<void> {
    const node = docker.getNode(nodeId);
    const cur = await node.inspect() as { Version: { Index: number }; Spec: { Labels?: Record<string, string> } };
    await node.update({ version: cur.Version.Index, ...cur.Spec, Labels: labels });
  }

  let lab: Lab;

  before(async function () {
    lab = labs.get(SMALL);
    docker = dockerFor(lab.host);
    await docker.createNetwork({ Name: 'it-ext-net', Driver: 'overlay', Attachable: true });
    await docker.createSecret({ Name: 'it-ext-secret', Data: Buffer.from('x').toString('base64') });
    nodeId = ((await docker.listNodes()) as { ID: string }[])[0]?.ID ?? '';
    await labelNode({ 'it-zone': 'eu-1' });
    facts = await readClusterFacts(lab.host);
  });

  after(async function () {
    if (!docker) return;
    await labelNode({}).catch(() => undefined);
    await docker.getNetwork('it-ext-net').remove().catch(() => undefined);
    await docker.getSecret('it-ext-secret').remove().catch(() => undefined);
  });

  it('reads the facts with one list per kind: networks, secrets, node labels', () => {
    assert.ok(facts.networks.includes('it-ext-net') && facts.networks.includes('ingress'));
    assert.ok(facts.secrets.includes('it-ext-secret'));
    assert.equal(facts.nodeLabels.length, 3);
    assert.ok(facts.nodeLabels.some((l) => l['it-zone'] === 'eu-1'));
  });

  it('existing externals pass; a label no node has is a warning', () => {
    const found = lintStack(STACK, { cluster: facts });
    assert.deepEqual(found.filter((d) => d.severity === 'error'), []);
    const w = found.filter((d) => d.code === 'constraint-unsatisfiable');
    assert.equal(w.length, 1);
    assert.match(w[0]?.message ?? '', /it-zone=mars/);
  });

  it('externals missing from the swarm are errors naming them and how to create them', () => {
    const found = lintStack(STACK.replace('it-ext-net', 'it-nope-net').replace('it-ext-secret', 'it-nope-secret'), { cluster: facts });
    const missing = found.filter((d) => d.code === 'external-not-found');
    assert.equal(missing.length, 2);
    assert.match(missing.map((d) => d.message).join('\n'), /it-nope-net[\s\S]*docker network create[\s\S]*it-nope-secret[\s\S]*docker secret create/);
  });

  for (const file of ['69-external-network-missing.yml', '70-external-secret-missing.yml']) {
    it(`corpus ${file}: rejected by the CLI, an error here with the cluster's facts`, () => {
      const text = fs.readFileSync(path.join(CASES, file), 'utf8');
      assert.deepEqual(lintStack(text).filter((d) => d.severity === 'error'), [], 'offline, nothing to say');
      assert.ok(lintStack(text, { cluster: facts }).some((d) => d.code === 'external-not-found'));
    });
  }

  it('swarm-lint --cluster (a real process) checks against the endpoint of DOCKER_HOST', function () {
    this.timeout(60_000);
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' }); // never a stale bundle
    assert.equal(build.status, 0, build.stderr);
    const file = path.join(CASES, '69-external-network-missing.yml');
    const env = { ...process.env, DOCKER_HOST: lab.host };
    const r = spawnSync(path.join(ROOT, 'bin', 'swarm-lint'), ['--cluster', '--json', file], { env, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { code: string; line: number }[];
    assert.ok(out.some((d) => d.code === 'external-not-found' && d.line >= 1));
    const offline = spawnSync(path.join(ROOT, 'bin', 'swarm-lint'), [file], { env, encoding: 'utf8' });
    assert.equal(offline.status, 0, offline.stdout);
    const down = spawnSync(path.join(ROOT, 'bin', 'swarm-lint'), ['--cluster', file],
      { env: { ...env, DOCKER_HOST: 'unix:///run/swarm-lab/nobody.sock' }, encoding: 'utf8' });
    assert.equal(down.status, 2);
    assert.match(down.stderr, /not reachable/);
  });
});
