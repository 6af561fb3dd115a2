// SwarmApi on dockerode: one Engine call per list (each with a deadline), the event stream parsed
// line by line.
import Docker from 'dockerode';
import type { Kind, ObjectOfKind, SwarmInfo } from '../domain/model';
import type { EventHandlers, EventSubscription, ListOptions, SwarmApi } from '../store/swarmApi';
import { nodeResolveInput, toDockerOptions } from './dockerOptions';
import { engineCall } from './engineCall';
import { endpointLabel, resolveEndpoint } from './endpoint';
import { JsonLineSplitter, toEngineEvent } from './eventStream';
import { MAPPERS, toSwarmInfo } from './mappers';
import * as fs from 'node:fs';

/** Event types the store acts on (container events tell about tasks on the node we talk to). */
const EVENT_TYPES = ['node', 'service', 'secret', 'config', 'network', 'container'];

type Filters = Record<string, string[]>;

/** How long a request/response call may take before it is aborted. */
export const DEFAULT_CALL_TIMEOUT_MS = 10_000;

const LIST_PATH: Readonly<Record<Kind, string>> = {
  node: '/nodes', service: '/services', task: '/tasks', secret: '/secrets', config: '/configs', network: '/networks',
};

export class DockerSwarmApi implements SwarmApi {
  constructor(readonly docker: Docker, readonly endpointLabel: string, readonly callTimeoutMs = DEFAULT_CALL_TIMEOUT_MS) {}

  /** A call with this adapter's deadline and endpoint (write adapters built on it use it too). */
  call<T>(call: string, run: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    return engineCall({ call, endpoint: this.endpointLabel, timeoutMs: this.callTimeoutMs, signal }, run);
  }

  async info(): Promise<SwarmInfo> {
    // dockerode's info() takes abortSignal like every call; @types/dockerode leaves it out there.
    const info = this.docker.info.bind(this.docker) as unknown as (opts: { abortSignal: AbortSignal }) => Promise<unknown>;
    return toSwarmInfo(await this.call('GET /info', (abortSignal) => info({ abortSignal })));
  }

  async list<K extends Kind>(kind: K, options: ListOptions = {}): Promise<ObjectOfKind[K][]> {
    const filters: Filters = {};
    if (options.ids) filters['id'] = [...options.ids];
    if (options.serviceIds) filters['service'] = [...options.serviceIds];
    const raw = await this.fetch(kind, filters);
    return (Array.isArray(raw) ? raw : []).map((r: unknown) => MAPPERS[kind](r));
  }

  /** The raw Engine JSON of one list call (also used by the fixture capture script). */
  fetch(kind: Kind, filters: Filters = {}): Promise<unknown> {
    const f = JSON.stringify(filters);
    return this.call(`GET ${LIST_PATH[kind]}`, (abortSignal): Promise<unknown> => {
      switch (kind) {
        case 'node': return this.docker.listNodes({ filters: f, abortSignal });
        // status=true adds ServiceStatus (running/desired counts) to each service, in the same call.
        case 'service': return this.docker.listServices({ filters: f, status: true, abortSignal } as Docker.ServiceListOptions);
        case 'task': return this.docker.listTasks({ filters: f, abortSignal });
        case 'secret': return this.docker.listSecrets({ filters: f, abortSignal });
        case 'config': return this.docker.listConfigs({ filters: f, abortSignal });
        case 'network': return this.docker.listNetworks({ filters: JSON.stringify({ ...filters, scope: ['swarm'] }), abortSignal });
      }
    });
  }

  async subscribeEvents(handlers: EventHandlers): Promise<EventSubscription> {
    const stream: NodeJS.ReadableStream & { destroy?(): void } =
      await this.docker.getEvents({ filters: JSON.stringify({ type: EVENT_TYPES }) });
    const splitter = new JsonLineSplitter();
    let open = true;
    const end = (err?: Error) => { if (open) { open = false; handlers.onEnd(err); } };
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      for (const raw of splitter.push(chunk)) if (open) handlers.onEvent(toEngineEvent(raw));
    });
    stream.on('error', (err: Error) => end(err));
    stream.on('end', () => end());
    stream.on('close', () => end());
    return { close: () => { open = false; stream.destroy?.(); } };
  }
}

/**
 * The SwarmApi for the endpoint the docker CLI would use, `setting` (swarm.dockerHost) first.
 * Throws EndpointError when the setting, DOCKER_HOST or the current context is not usable.
 */
export function createSwarmApi(setting: string | undefined): DockerSwarmApi {
  const endpoint = resolveEndpoint(nodeResolveInput(setting));
  const docker = new Docker(toDockerOptions(endpoint, (p) => fs.readFileSync(p)));
  return new DockerSwarmApi(docker, endpointLabel(endpoint));
}
