// Direct Engine access for integration tests: the "outside world" that changes the cluster behind
// the store's back, and the ground truth the store is compared with.
import Docker from 'dockerode';
import { DockerSwarmApi } from '../../src/docker/dockerSwarmApi';

export function dockerFor(host: string): Docker {
  return new Docker({ socketPath: host.replace(/^unix:\/\//, '') });
}

export function apiFor(host: string): DockerSwarmApi {
  return new DockerSwarmApi(dockerFor(host), host);
}

/** A long-running test service that stops at once (`Init`), on the lab's local image. */
export async function createTestService(docker: Docker, name: string, replicas: number): Promise<string> {
  const svc = await docker.createService({
    Name: name,
    Labels: { 'swarm-operator.test': '1' },
    TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true } },
    Mode: { Replicated: { Replicas: replicas } },
  });
  return svc.id;
}

interface Inspected { Version: { Index: number }; Spec: { Mode: { Replicated?: { Replicas: number } } } }

/** `docker service scale`, through the API. */
export async function scaleService(docker: Docker, id: string, replicas: number): Promise<void> {
  const svc = docker.getService(id);
  const cur = await svc.inspect() as Inspected;
  await svc.update({ version: cur.Version.Index, ...cur.Spec, Mode: { Replicated: { Replicas: replicas } } });
}

export async function removeTestServices(docker: Docker): Promise<void> {
  const services = await docker.listServices({ filters: JSON.stringify({ label: ['swarm-operator.test'] }) }) as { ID: string }[];
  await Promise.all(services.map((s) => docker.getService(s.ID).remove()));
}

export async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms: number): Promise<number> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - t0;
}
