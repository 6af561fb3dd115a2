// Captures the unit-test fixtures (test/fixtures/*.json) from a REAL swarm: raw Engine JSON of every
// list call the store makes, `/info` of a manager and of a worker, and the events a scale, an update,
// a secret and a node label produce. Run it against the lab:
//   bash scripts/lab/up.sh --nodes 3 --managers 1   (lab "default")
//   DOCKER_HOST=unix:///run/swarm-lab/default/node1.sock WORKER_HOST=unix:///run/swarm-lab/default/node2.sock npm run capture-fixtures
// It creates objects named fx-*, captures, and removes them again.
import Docker from 'dockerode';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DockerSwarmApi } from '../src/docker/dockerSwarmApi';
import { JsonLineSplitter } from '../src/docker/eventStream';
import { KINDS } from '../src/domain/model';

const OUT = path.join(__dirname, '..', 'test', 'fixtures');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const socket = (host: string) => host.replace(/^unix:\/\//, '');

function write(name: string, data: unknown): void {
  fs.writeFileSync(path.join(OUT, name), JSON.stringify(data, null, 2) + '\n');
  console.log(`wrote test/fixtures/${name}`);
}

function serviceSpec(name: string, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    Name: name,
    TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true }, ...extra['TaskTemplate'] as object },
    Mode: { Replicated: { Replicas: 2 } },
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'TaskTemplate')),
  };
}

async function waitFor(what: string, check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) { if (await check()) return; await sleep(500); }
  throw new Error(`timed out waiting for ${what}`);
}

async function main(): Promise<void> {
  const host = process.env['DOCKER_HOST'];
  if (!host?.startsWith('unix://')) throw new Error('set DOCKER_HOST=unix://<manager socket> of a lab swarm');
  const docker = new Docker({ socketPath: socket(host) });
  const api = new DockerSwarmApi(docker, host);
  fs.mkdirSync(OUT, { recursive: true });

  const secret = await docker.createSecret({ Name: 'fx-secret', Data: Buffer.from('s3cret').toString('base64'), Labels: { fx: '1' } });
  const config = await docker.createConfig({ Name: 'fx-config', Data: Buffer.from('k=v').toString('base64') });
  const network = await docker.createNetwork({ Name: 'fx-net', Driver: 'overlay', Attachable: true, Labels: { 'com.docker.stack.namespace': 'fx' } });
  const web = await docker.createService(serviceSpec('fx_web', {
    Labels: { 'com.docker.stack.namespace': 'fx' },
    TaskTemplate: {
      ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true,
        Secrets: [{ SecretID: secret.id, SecretName: 'fx-secret', File: { Name: 'fx-secret', UID: '0', GID: '0', Mode: 0o444 } }],
        Configs: [{ ConfigID: config.id, ConfigName: 'fx-config', File: { Name: '/fx.conf', UID: '0', GID: '0', Mode: 0o444 } }] },
      Networks: [{ Target: network.id }],
      Placement: { Constraints: ['node.role != manager'] },
    },
    UpdateConfig: { Parallelism: 1, Delay: 1e9, FailureAction: 'rollback', Monitor: 2e9, MaxFailureRatio: 0, Order: 'stop-first' },
    EndpointSpec: { Mode: 'dnsrr', Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 18080, PublishMode: 'host' }] },
  }));
  await docker.createService({ ...serviceSpec('fx-global', {}), Mode: { Global: {} } });
  await waitFor('fx_web running', async () => (await api.list('service')).some((s) => s.name === 'fx_web' && s.status?.running === 2));

  // An update that completes leaves UpdateStatus and PreviousSpec behind (what a rollback returns to).
  const before = await web.inspect() as { Version: { Index: number }; Spec: { TaskTemplate: { ContainerSpec: { Image: string } } } };
  before.Spec.TaskTemplate.ContainerSpec.Image = 'local/busybox:2';
  await web.update({ version: before.Version.Index, ...before.Spec });
  await waitFor('fx_web update completed', async () => (await api.list('service')).some((s) => s.name === 'fx_web' && s.updateStatus?.state === 'completed'));
  write('services-updated.json', await api.fetch('service'));

  // A failing update (the :fail image exits at once) with failure_action rollback rolls back by itself.
  const failing = await docker.createService({ ...serviceSpec('fx-fail', {}),
    UpdateConfig: { Parallelism: 1, Delay: 0, FailureAction: 'rollback', Monitor: 2e9, MaxFailureRatio: 0, Order: 'stop-first' } });
  await waitFor('fx-fail running', async () => (await api.list('service')).some((s) => s.name === 'fx-fail' && s.status?.running === 2));
  const f = await failing.inspect() as { Version: { Index: number }; Spec: { TaskTemplate: { ContainerSpec: { Image: string } } } };
  f.Spec.TaskTemplate.ContainerSpec.Image = 'local/busybox:fail';
  await failing.update({ version: f.Version.Index, ...f.Spec });
  await waitFor('fx-fail rolled back', async () => (await api.list('service')).some((s) => s.name === 'fx-fail' && s.updateStatus?.state === 'rollback_completed'));
  write('services-rolled-back.json', await api.fetch('service'));
  write('tasks-rolled-back.json', await api.fetch('task', { service: ['fx-fail'] }));
  await failing.remove();

  // Events: subscribe, then scale, label a node, create and remove a secret.
  const events: unknown[] = [];
  const stream = await docker.getEvents({ filters: JSON.stringify({ type: ['node', 'service', 'secret', 'config', 'network', 'container'] }) });
  const splitter = new JsonLineSplitter();
  stream.on('data', (c: Buffer) => events.push(...splitter.push(c.toString('utf8'))));
  const now = await web.inspect() as { Version: { Index: number }; Spec: { Mode: { Replicated: { Replicas: number } } } };
  now.Spec.Mode.Replicated.Replicas = 3;
  await web.update({ version: now.Version.Index, ...now.Spec });
  const [first] = await docker.listNodes();
  const node = docker.getNode((first as { ID: string }).ID);
  const ni = await node.inspect() as { Version: { Index: number }; Spec: Record<string, unknown> };
  await node.update({ version: ni.Version.Index, ...ni.Spec, Labels: { ...(ni.Spec['Labels'] as object), fx: 'yes' } });
  const tmp = await docker.createSecret({ Name: 'fx-tmp', Data: Buffer.from('x').toString('base64') });
  await docker.getSecret(tmp.id).remove();
  await sleep(3000);
  (stream as unknown as { destroy(): void }).destroy();
  write('events.json', events);

  for (const kind of KINDS) write(`${kind}s.json`, await api.fetch(kind));
  write('info-manager.json', await docker.info());
  const worker = process.env['WORKER_HOST'];
  if (worker) write('info-worker.json', await new Docker({ socketPath: socket(worker) }).info());

  // Clean up what we made.
  const ni2 = await node.inspect() as { Version: { Index: number }; Spec: { Labels?: Record<string, string> } };
  const { fx: _fx, ...rest } = ni2.Spec.Labels ?? {};
  await node.update({ version: ni2.Version.Index, ...ni2.Spec, Labels: rest });
  for (const s of ['fx_web', 'fx-global']) await docker.getService(s).remove();
  await sleep(2000);
  await docker.getNetwork(network.id).remove();
  await docker.getSecret(secret.id).remove();
  await docker.getConfig(config.id).remove();
}

main().catch((e) => { console.error('capture-fixtures:', e instanceof Error ? e.message : e); process.exit(1); });
