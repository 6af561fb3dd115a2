// Secrets on the lab through the operations the commands run: create from a typed value, removal
// refused while used, rotation (services moved at the same target paths, converged, old one gone;
// the new value is what the containers read), a rotation that stops half-way keeping the old one,
// and the value nowhere but in the create request's body: not in a URL, a log line, a message, the
// Engine's own log.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import type Docker from 'dockerode';
import { createNamedObject } from '../../src/operations/named/createNamed';
import { removeNamedObject } from '../../src/operations/named/removeNamed';
import { rotateNamedObject } from '../../src/operations/named/rotateNamed';
import { OperationError, type Outcome } from '../../src/operations/operation';
import { dockerFor, removeTestServices, waitFor } from '../support/engine';
import { labs, SMALL, type Lab } from '../support/lab';
import { labOperations, refusal, runOperation, type LabOperations, type Ran } from '../support/operations';
import { SocketProxy } from '../support/socketProxy';

// File.UID and GID are needed: without them the Engine accepts the service, but its tasks fail
// ("starting container failed: strconv.Atoi: parsing \"\"").
interface SecretRef { SecretID: string; SecretName: string; File: { Name: string; UID: string; GID: string; Mode: number } }
interface Inspected { Spec: { TaskTemplate: { ContainerSpec: { Secrets?: SecretRef[] } } } }

describe('secrets', function () {
  this.timeout(180_000);
  let lab: Lab;
  let docker: Docker;
  let proxy: SocketProxy;
  let ops: LabOperations;
  const value = `v1-${randomBytes(12).toString('hex')}`;
  const rotated = `v2-${randomBytes(12).toString('hex')}`;
  const third = `v3-${randomBytes(12).toString('hex')}`;
  const said: string[] = [];
  const enc = (s: string) => new TextEncoder().encode(s);
  const record = (r: Ran): Ran => { said.push(r.check.confirm.message, r.check.confirm.detail ?? '', r.outcome.message, ...r.progress); return r; };
  const secretId = (name: string) => ops.store.all('secret').find((s) => s.name === name)?.id;

  async function service(name: string, secrets: SecretRef[], extra: object = {}): Promise<string> {
    const s: { id: string } = await docker.createService({
      Name: name, Labels: { 'swarm-operator.test': '1' },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true, Secrets: secrets }, ...extra },
      Mode: { Replicated: { Replicas: 2 } }, UpdateConfig: { Parallelism: 2, Monitor: 1e9, Order: 'stop-first' },
    });
    return s.id;
  }

  /** What a running container of the service reads at `path`. */
  async function readInContainer(serviceId: string, path: string): Promise<string> {
    const task = ops.store.all('task').find((t) => t.serviceId === serviceId && t.state === 'running' && t.desiredState === 'running' && t.containerId);
    const node = lab.nodes.find((n) => ops.store.get('node', task?.nodeId ?? '')?.addr === n.addr);
    assert.ok(task?.containerId && node, 'a running task on a lab node');
    const exec = await dockerFor(node.host).getContainer(task.containerId).exec({ Cmd: ['cat', path], AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({ hijack: true, stdin: false });
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve) => { stream.on('data', (c: Buffer) => chunks.push(c)); stream.on('end', resolve); });
    // Multiplexed: drop the 8-byte frame headers.
    const all = Buffer.concat(chunks);
    let out = '';
    for (let i = 0; i + 8 <= all.length;) { const n = all.readUInt32BE(i + 4); out += all.subarray(i + 8, i + 8 + n).toString(); i += 8 + n; }
    return out;
  }

  before(async () => {
    lab = labs.get(SMALL);
    docker = dockerFor(lab.host);
    await removeTestServices(docker);
    proxy = await SocketProxy.start(lab.host);
    ops = await labOperations(proxy.host, { waitMs: 60_000 });
  });

  after(async () => {
    ops?.dispose();
    await removeTestServices(docker);
    for (const s of await docker.listSecrets() as { ID: string; Spec: { Name: string } }[]) {
      if (s.Spec.Name.startsWith('it-sec')) await docker.getSecret(s.ID).remove();
    }
    await proxy?.close();
  });

  it('creates a secret from a typed value; the Engine has it', async () => {
    record(await runOperation(createNamedObject(ops.ctx, 'secret', { name: 'it-sec', data: enc(value), source: { kind: 'input' } })));
    const id = secretId('it-sec');
    assert.ok(id, 'the store shows it');
    assert.equal(((await docker.getSecret(id).inspect()) as { Spec: { Name: string } }).Spec.Name, 'it-sec');
    assert.ok(ops.log.has('$ docker secret create it-sec -'), ops.log.text());
  });

  it('refuses a second secret of the same name, and an empty one, before sending anything', async () => {
    const posts = () => proxy.requestLines().filter((l) => l.startsWith('POST')).length;
    const before = posts();
    assert.match(await refusal(createNamedObject(ops.ctx, 'secret', { name: 'it-sec', data: enc('x'), source: { kind: 'input' } })), /exists already/);
    assert.match(await refusal(createNamedObject(ops.ctx, 'secret', { name: 'it-sec-empty', data: enc(''), source: { kind: 'input' } })), /empty/);
    assert.equal(posts(), before);
  });

  it('refuses removal while a service uses it, naming the service', async () => {
    const id = secretId('it-sec') ?? '';
    await service('it-sec-app', [
      { SecretID: id, SecretName: 'it-sec', File: { Name: '/run/app/token', UID: '0', GID: '0', Mode: 0o400 } },
      { SecretID: id, SecretName: 'it-sec', File: { Name: 'it-sec', UID: '0', GID: '0', Mode: 0o444 } },
    ]);
    await waitFor('it-sec-app in the store', () => ops.store.all('service').some((s) => s.name === 'it-sec-app'), 30_000);
    assert.match(await refusal(removeNamedObject(ops.ctx, 'secret', id)), /used by service: it-sec-app/);
    // The Engine says the same.
    await assert.rejects(docker.getSecret(id).remove(), /in use by the following service: it-sec-app/);
  });

  it('rotates it: the service moves at the same targets, converges, reads the new value; the old one is gone', async () => {
    const oldId = secretId('it-sec') ?? '';
    const app = ops.store.all('service').find((s) => s.name === 'it-sec-app');
    assert.ok(app);
    await waitFor('it-sec-app running', () => ops.store.all('task').filter((t) => t.serviceId === app.id && t.state === 'running').length === 2, 60_000);
    const op = rotateNamedObject(ops.ctx, 'secret', oldId, { newName: 'it-sec_v2', data: enc(rotated), source: { kind: 'input' } });
    const ran = record(await runOperation(op));
    assert.match(ran.outcome.message, /it-sec-app moved to it-sec_v2; it-sec removed/);
    const refs = ((await docker.getService(app.id).inspect()) as Inspected).Spec.TaskTemplate.ContainerSpec.Secrets ?? [];
    assert.deepEqual(refs.map((r) => [r.SecretName, r.File.Name, r.File.Mode]), [['it-sec_v2', '/run/app/token', 0o400], ['it-sec_v2', 'it-sec', 0o444]]);
    await assert.rejects(docker.getSecret(oldId).inspect(), /no such secret|not found/i);
    assert.equal(await readInContainer(app.id, '/run/app/token'), rotated);
    assert.ok(ops.log.lines.some((l) => l.includes('docker service update --detach --secret-rm it-sec --secret-add source=it-sec_v2,target=/run/app/token,mode=0400 --secret-add source=it-sec_v2,target=it-sec it-sec-app')), ops.log.text());
  });

  it('stops a rotation at the first service that does not converge, says what ran, keeps the old secret', async () => {
    const id = secretId('it-sec_v2') ?? '';
    const ref = (target: string): SecretRef => ({ SecretID: id, SecretName: 'it-sec_v2', File: { Name: target, UID: '0', GID: '0', Mode: 0o444 } });
    // Sorted by name, it-sec-app moves first; it-sec-stuck cannot place its tasks anywhere.
    await service('it-sec-stuck', [ref('x')], { Placement: { Constraints: ['node.labels.it-nowhere==1'] } });
    await waitFor('it-sec-stuck in the store', () => ops.store.all('service').some((s) => s.name === 'it-sec-stuck'), 30_000);
    const short = { ...ops.ctx, waitMs: 8_000 };
    const op = rotateNamedObject(short, 'secret', id, { newName: 'it-sec_v3', data: enc(third), source: { kind: 'input' } });
    assert.equal((await op.check()).kind, 'proceed');
    const error = await op.run({ report: (m) => said.push(m) }, new AbortController().signal).then((o: Outcome) => o, (e: unknown) => e);
    assert.ok(error instanceof OperationError, String(error));
    said.push(error.message, error.meaning, error.next, ...error.steps);
    assert.match(error.message, /stopped at "move service it-sec-stuck to it-sec_v3"/);
    assert.deepEqual(error.steps, ['created secret it-sec_v3', 'moved it-sec-app to it-sec_v3; it converged']);
    assert.match(error.next, /it-sec_v2 is still in place/);
    assert.ok(await docker.getSecret(id).inspect(), 'the old secret is still there');
  });

  it('removes a secret no service uses any more', async () => {
    await removeTestServices(docker);
    for (const name of ['it-sec_v2', 'it-sec_v3']) {
      await waitFor(`${name} unused in the store`, () => !ops.store.all('service').some((s) => s.secretNames.includes(name)), 30_000);
      const id = secretId(name) ?? '';
      record(await runOperation(removeNamedObject(ops.ctx, 'secret', id)));
      await assert.rejects(docker.getSecret(id).inspect(), /no such secret|not found/i);
    }
  });

  it('let the values travel in request bodies only: no URL, log line, message or Engine log holds them', () => {
    const secrets = [value, rotated, third];
    const forms = secrets.flatMap((v) => [v, Buffer.from(v).toString('base64')]);
    const lines = proxy.requestLines();
    assert.ok(lines.some((l) => /^POST (\/v[\d.]+)?\/secrets\/create /.test(l)), 'the creates went through the proxy');
    for (const f of forms) {
      assert.ok(!lines.some((l) => l.includes(f)), 'not in a request line');
      assert.ok(!ops.log.text().includes(f), 'not in the Swarm log');
      assert.ok(!said.some((s) => s.includes(f)), 'not in a confirmation, progress or outcome');
    }
    // Each value went over the wire once, base64-encoded in its create request's body.
    for (const v of secrets) assert.equal(proxy.sentText().split(Buffer.from(v).toString('base64')).length - 1, 1, 'once, in a body');
    const engineLog = `/var/lib/swarm-lab/${lab.name}/node1/dockerd.log`;
    if (fs.existsSync(engineLog)) {
      const text = fs.readFileSync(engineLog, 'utf8');
      for (const f of forms) assert.ok(!text.includes(f), 'not in the Engine\'s log');
    }
  });
});
