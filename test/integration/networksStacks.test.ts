// Networks, configs and stacks on the lab through the operations the commands run: an overlay
// network created as asked (the Engine's inspect is the oracle) and refused removal while used; a
// config created from an editor's text and rotated; a stack deployed by the real docker CLI, removed
// through the API until the Engine has nothing labelled with it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import { createNamedObject } from '../../src/operations/named/createNamed';
import { rotateNamedObject } from '../../src/operations/named/rotateNamed';
import { createNetwork } from '../../src/operations/network/createNetwork';
import { removeNetwork } from '../../src/operations/network/removeNetwork';
import { removeStack } from '../../src/operations/stack/removeStack';
import { dockerFor, removeTestServices, waitFor } from '../support/engine';
import { labs, SMALL, type Lab } from '../support/lab';
import { labOperations, refusal, runOperation, type LabOperations } from '../support/operations';

const run = promisify(execFile);
const DOCKER = '/usr/local/bin/docker';

interface NetworkInspect { Name: string; Driver: string; Scope: string; Attachable: boolean; Internal: boolean; IPAM: { Config: { Subnet: string }[] } }

describe('networks, configs and stacks', function () {
  this.timeout(180_000);
  let lab: Lab;
  let docker: Docker;
  let ops: LabOperations;
  const enc = (s: string) => new TextEncoder().encode(s);
  // A manager lists a removed overlay network for a few seconds more: a fresh name per run keeps a
  // previous run's network out of this one.
  const net = `it-net-${Date.now().toString(36)}`;

  before(async () => {
    lab = labs.get(SMALL);
    docker = dockerFor(lab.host);
    await removeTestServices(docker);
    ops = await labOperations(lab.host, { waitMs: 60_000 });
  });

  after(async () => {
    ops?.dispose();
    await removeTestServices(docker);
    await run(DOCKER, ['-H', lab.host, 'stack', 'rm', 'it-stk']).catch(() => undefined);
    for (const n of await docker.listNetworks({ filters: JSON.stringify({ name: [net] }) }) as { Id: string }[]) await docker.getNetwork(n.Id).remove().catch(() => undefined);
    for (const c of await docker.listConfigs() as { ID: string; Spec: { Name: string } }[]) {
      if (c.Spec.Name.startsWith('it-cfg')) await docker.getConfig(c.ID).remove().catch(() => undefined);
    }
  });

  it('creates an attachable, internal overlay network with its subnet', async () => {
    const ran = await runOperation(createNetwork(ops.ctx, { name: net, attachable: true, internal: true, subnet: '10.123.4.0/24' }));
    assert.equal(ran.outcome.message, `Network ${net} created.`);
    const id = ops.store.all('network').find((n) => n.name === net)?.id ?? '';
    const n = await docker.getNetwork(id).inspect() as NetworkInspect;
    assert.deepEqual([n.Driver, n.Scope, n.Attachable, n.Internal, n.IPAM.Config.map((c) => c.Subnet)], ['overlay', 'swarm', true, true, ['10.123.4.0/24']]);
    assert.ok(ops.log.has(`$ docker network create --driver overlay --attachable --internal --subnet 10.123.4.0/24 ${net}`));
  });

  it('refuses a bad name and a subnet with host bits, before sending anything', async () => {
    assert.match(await refusal(createNetwork(ops.ctx, { name: 'it.net', attachable: false, internal: false, subnet: '' })), /DNS name component/);
    assert.match(await refusal(createNetwork(ops.ctx, { name: 'it-net2', attachable: false, internal: false, subnet: '10.123.5.1/24' })), /did you mean 10\.123\.5\.0\/24/);
    assert.match(await refusal(createNetwork(ops.ctx, { name: net, attachable: false, internal: false, subnet: '' })), /exists already/);
  });

  it('refuses to remove a network a service uses, then removes it once unused', async () => {
    const id = ops.store.all('network').find((n) => n.name === net)?.id ?? '';
    await docker.createService({
      Name: 'it-net-app', Labels: { 'swarm-operator.test': '1' },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true }, Networks: [{ Target: id }] },
      Mode: { Replicated: { Replicas: 1 } },
    });
    await waitFor('it-net-app in the store', () => ops.store.all('service').some((s) => s.name === 'it-net-app'), 30_000);
    assert.match(await refusal(removeNetwork(ops.ctx, id)), /used by service: it-net-app/);
    await assert.rejects(docker.getNetwork(id).remove(), /in use by service/);
    await removeTestServices(docker);
    await waitFor('it-net-app gone from the store', () => !ops.store.all('service').some((s) => s.name === 'it-net-app'), 30_000);
    await runOperation(removeNetwork(ops.ctx, id));
    // Removed from the swarm at once; node1 lists its local copy until its last container is gone.
    await waitFor(`${net} gone from the Engine`, () => docker.getNetwork(id).inspect().then(() => false, () => true), 30_000);
  });

  it('creates a config from an editor\'s text and rotates it under a service', async () => {
    await runOperation(createNamedObject(ops.ctx, 'config', { name: 'it-cfg', data: enc('level=info\n'), source: { kind: 'editor', label: 'Untitled-1' } }));
    assert.ok(ops.log.has('$ docker config create it-cfg -'));
    const cfg = ops.store.all('config').find((c) => c.name === 'it-cfg');
    assert.ok(cfg);
    const svc = await docker.createService({
      Name: 'it-cfg-app', Labels: { 'swarm-operator.test': '1' },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true,
        Configs: [{ ConfigID: cfg.id, ConfigName: 'it-cfg', File: { Name: '/etc/app.conf', UID: '0', GID: '0', Mode: 0o444 } }] } },
      Mode: { Replicated: { Replicas: 2 } }, UpdateConfig: { Parallelism: 2, Monitor: 1e9, Order: 'stop-first' },
    }) as unknown as { id: string };
    await waitFor('it-cfg-app running', () => ops.store.all('task').filter((t) => t.serviceId === svc.id && t.state === 'running').length === 2, 60_000);
    const ran = await runOperation(rotateNamedObject(ops.ctx, 'config', cfg.id, { newName: 'it-cfg_v2', data: enc('level=debug\n'), source: { kind: 'editor', label: 'app.conf', path: '/tmp/app.conf' } }));
    assert.match(ran.outcome.message, /Config it-cfg rotated: it-cfg-app moved to it-cfg_v2/);
    const spec = (await docker.getService(svc.id).inspect() as { Spec: { TaskTemplate: { ContainerSpec: { Configs: { ConfigName: string; File: { Name: string } }[] } } } }).Spec;
    assert.deepEqual(spec.TaskTemplate.ContainerSpec.Configs.map((c) => [c.ConfigName, c.File.Name]), [['it-cfg_v2', '/etc/app.conf']]);
    await assert.rejects(docker.getConfig(cfg.id).inspect(), /no such config|not found/i);
    const v2 = ops.store.all('config').find((c) => c.name === 'it-cfg_v2');
    const data = (await docker.getConfig(v2?.id ?? '').inspect() as { Spec: { Data: string } }).Spec.Data;
    assert.equal(Buffer.from(data, 'base64').toString(), 'level=debug\n');
    assert.ok(ops.log.has('$ docker config create it-cfg_v2 /tmp/app.conf'), ops.log.text());
  });

  it('removes a stack the docker CLI deployed: the Engine keeps nothing labelled with it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'it-stk-'));
    fs.writeFileSync(path.join(dir, 'token.txt'), 's3cret\n');
    fs.writeFileSync(path.join(dir, 'app.conf'), 'k=v\n');
    fs.writeFileSync(path.join(dir, 'stack.yml'), [
      'version: "3.8"',
      'services:',
      '  web: { image: "local/busybox:1", command: ["sleep", "1000000"], init: true, deploy: { replicas: 3 }, networks: [back], secrets: [token], configs: [conf] }',
      '  worker: { image: "local/busybox:1", command: ["sleep", "1000000"], init: true, networks: [back, front] }',
      'networks: { back: { driver: overlay }, front: { driver: overlay, attachable: true } }',
      'secrets: { token: { file: ./token.txt } }',
      'configs: { conf: { file: ./app.conf } }',
      '',
    ].join('\n'));
    try {
      await run(DOCKER, ['-H', lab.host, 'stack', 'deploy', '--resolve-image', 'never', '-c', path.join(dir, 'stack.yml'), 'it-stk']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const tasks = () => ops.store.all('task').filter((t) => ops.store.get('service', t.serviceId)?.stack === 'it-stk' && t.state === 'running').length;
    await waitFor('the stack running in the store', () => tasks() === 4 && ops.store.all('network').filter((n) => n.labels['com.docker.stack.namespace'] === 'it-stk').length === 2, 60_000);
    const op = removeStack(ops.ctx, 'it-stk');
    const ran = await runOperation(op);
    assert.equal(ran.check.confirm.message, `Remove stack it-stk from ${ops.ctx.cluster}?`);
    assert.match(ran.check.confirm.detail ?? '', /2 services, 2 networks, 1 secret and 1 config/);
    assert.match(ran.check.confirm.detail ?? '', /it-stk_web and it-stk_worker \(4 running tasks will stop\)/);
    assert.equal(ran.outcome.message, 'Stack it-stk removed: 2 services, 2 networks, 1 secret and 1 config.');
    // A manager lists a removed overlay network for a few seconds more, while the containers that
    // used it on that node are torn down: wait for the Engine to catch up.
    const label = JSON.stringify({ label: ['com.docker.stack.namespace=it-stk'] });
    const left = async () => [
      ...await docker.listServices({ filters: label }), ...await docker.listNetworks({ filters: label }),
      ...await docker.listSecrets({ filters: label }), ...await docker.listConfigs({ filters: label }),
    ];
    const ms = await waitFor('nothing labelled it-stk on the Engine', async () => (await left()).length === 0, 30_000);
    console.log(`      the Engine listed nothing of it-stk ${ms} ms after the removal returned`);
    assert.ok(ops.log.has('$ docker stack rm it-stk'));
    assert.match(await refusal(removeStack(ops.ctx, 'it-stk')), /Nothing found in stack it-stk/);
  });
});
