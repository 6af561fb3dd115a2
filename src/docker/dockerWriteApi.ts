// The write port (src/operations/ports.ts) on dockerode: every call goes through
// DockerSwarmApi.call (the adapter's deadline, the caller's cancellation) and is logged with the
// Engine's answer. Requests are sent through docker-modem's `dial` so that query and body are what
// the Engine API documents (version in the query, the spec as the body) for every endpoint alike.
import type { NodeSpec, OpenSpec } from '../domain/specs/nodeSpec';
import type { ServiceSpec } from '../domain/specs/serviceSpec';
import { narrowNodeSpec, narrowServiceSpec, type Narrowed } from '../domain/specs/shape';
import { engineMessage } from '../domain/errors';
import type { ActionLog, InitRequest, JoinRequest, NamedObjectCreate, NetworkCreate, ServiceRead, SwarmRead, SwarmWriteApi, Versioned } from '../operations/ports';
import type { DockerSwarmApi } from './dockerSwarmApi';
import { arr, at, num, obj, str } from './mappers/json';

type Method = 'GET' | 'POST' | 'DELETE';
type Query = Readonly<Record<string, string | number | boolean | undefined>>;

const STATUS = {
  200: true, 201: true, 204: true,
  400: 'bad parameter', 404: 'not found', 406: 'node is not part of a swarm', 409: 'conflict',
  500: 'server error', 503: 'node is not part of a swarm or not a manager',
} as const;

function defined(query: Query | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(query ?? {}).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
}

/** The Engine's answer in one line for the log (`{"ID":"…"}`, or `OK` for an empty one). */
function summarize(answer: unknown): string {
  if (answer === undefined || answer === null || answer === '' || (Buffer.isBuffer(answer) && answer.length === 0)) return 'OK';
  const text = typeof answer === 'string' ? answer : Buffer.isBuffer(answer) ? answer.toString('utf8') : JSON.stringify(answer);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

function specOf<T>(what: string, narrowed: Narrowed<T>): T {
  if (narrowed.problems) throw new Error(`The Engine sent a ${what} spec this extension cannot read: ${narrowed.problems.join('; ')}`);
  return narrowed.spec;
}

export class DockerWriteApi implements SwarmWriteApi {
  constructor(private readonly api: DockerSwarmApi, private readonly log?: ActionLog) {}

  get endpointLabel(): string { return this.api.endpointLabel; }

  /** The read adapter it writes through (its endpoint, deadline and client). */
  get through(): DockerSwarmApi { return this.api; }

  async inspectNode(id: string, signal?: AbortSignal): Promise<Versioned<NodeSpec>> {
    const raw = await this.request('GET', `/nodes/${id}`, 'GET /nodes/{id}', {}, signal);
    return { version: num(at(raw, 'Version', 'Index')), spec: specOf('node', narrowNodeSpec(at(raw, 'Spec'))) };
  }

  async updateNode(id: string, version: number, spec: NodeSpec, signal?: AbortSignal): Promise<void> {
    await this.request('POST', `/nodes/${id}/update`, 'POST /nodes/{id}/update', { query: { version }, body: spec }, signal);
  }

  async removeNode(id: string, force: boolean, signal?: AbortSignal): Promise<void> {
    await this.request('DELETE', `/nodes/${id}`, 'DELETE /nodes/{id}', { query: { force: force || undefined } }, signal);
  }

  async inspectService(id: string, signal?: AbortSignal): Promise<ServiceRead> {
    const raw = await this.request('GET', `/services/${id}`, 'GET /services/{id}', {}, signal);
    const previous = at(raw, 'PreviousSpec');
    return {
      version: num(at(raw, 'Version', 'Index')),
      spec: specOf('service', narrowServiceSpec(at(raw, 'Spec'))),
      previousSpec: previous === undefined || previous === null ? undefined : specOf('previous service', narrowServiceSpec(previous)),
    };
  }

  async updateService(id: string, version: number, spec: ServiceSpec, options: { readonly rollback?: boolean } = {}, signal?: AbortSignal): Promise<readonly string[]> {
    const query = { version, rollback: options.rollback ? 'previous' : undefined };
    const answer = await this.request('POST', `/services/${id}/update`, 'POST /services/{id}/update', { query, body: spec }, signal);
    return arr(at(answer, 'Warnings')).map((w) => str(w)).filter(Boolean);
  }

  async createService(spec: ServiceSpec, signal?: AbortSignal): Promise<{ readonly id: string; readonly warnings: readonly string[] }> {
    const answer = await this.request('POST', '/services/create', 'POST /services/create', { body: spec }, signal);
    return { id: str(at(answer, 'ID')), warnings: arr(at(answer, 'Warnings')).map((w) => str(w)).filter(Boolean) };
  }

  async removeService(id: string, signal?: AbortSignal): Promise<void> {
    await this.request('DELETE', `/services/${id}`, 'DELETE /services/{id}', {}, signal);
  }

  async inspectSwarm(signal?: AbortSignal): Promise<SwarmRead> {
    const raw = await this.request('GET', '/swarm', 'GET /swarm', {}, signal);
    return {
      version: num(at(raw, 'Version', 'Index')),
      spec: obj(at(raw, 'Spec')),
      joinTokens: { worker: str(at(raw, 'JoinTokens', 'Worker')), manager: str(at(raw, 'JoinTokens', 'Manager')) },
    };
  }

  async rotateJoinToken(version: number, spec: OpenSpec, role: 'worker' | 'manager', signal?: AbortSignal): Promise<void> {
    const query = { version, rotateWorkerToken: role === 'worker' || undefined, rotateManagerToken: role === 'manager' || undefined };
    await this.request('POST', '/swarm/update', 'POST /swarm/update', { query, body: spec }, signal);
  }

  async initSwarm(request: InitRequest, signal?: AbortSignal): Promise<string> {
    const body = { ListenAddr: request.listenAddr, AdvertiseAddr: request.advertiseAddr ?? '', ForceNewCluster: false, Spec: {} };
    return str(await this.request('POST', '/swarm/init', 'POST /swarm/init', { body }, signal));
  }

  async joinSwarm(request: JoinRequest, signal?: AbortSignal): Promise<void> {
    const body = { ListenAddr: request.listenAddr, AdvertiseAddr: request.advertiseAddr ?? '', RemoteAddrs: request.remoteAddrs, JoinToken: request.joinToken };
    await this.request('POST', '/swarm/join', 'POST /swarm/join', { body }, signal);
  }

  async leaveSwarm(force: boolean, signal?: AbortSignal): Promise<void> {
    await this.request('POST', '/swarm/leave', 'POST /swarm/leave', { query: { force: force || undefined } }, signal);
  }

  async unlockSwarm(unlockKey: string, signal?: AbortSignal): Promise<void> {
    // The key is a secret: the log shows the call, never the body.
    await this.request('POST', '/swarm/unlock', 'POST /swarm/unlock', { body: { UnlockKey: unlockKey } }, signal);
  }

  createSecret(request: NamedObjectCreate, signal?: AbortSignal): Promise<string> {
    return this.createNamed('secret', request, signal);
  }

  async removeSecret(id: string, signal?: AbortSignal): Promise<void> {
    await this.request('DELETE', `/secrets/${id}`, 'DELETE /secrets/{id}', {}, signal);
  }

  createConfig(request: NamedObjectCreate, signal?: AbortSignal): Promise<string> {
    return this.createNamed('config', request, signal);
  }

  async removeConfig(id: string, signal?: AbortSignal): Promise<void> {
    await this.request('DELETE', `/configs/${id}`, 'DELETE /configs/{id}', {}, signal);
  }

  async inspectNamedObject(kind: 'secret' | 'config', id: string, signal?: AbortSignal): Promise<OpenSpec> {
    // The Engine never returns a secret's data; a config's comes back and is dropped here.
    const spec = obj(at(await this.request('GET', `/${kind}s/${id}`, `GET /${kind}s/{id}`, {}, signal), 'Spec'));
    return Object.fromEntries(Object.entries(spec).filter(([k]) => k === 'Templating' || k === 'Driver'));
  }

  async createNetwork(request: NetworkCreate, signal?: AbortSignal): Promise<string> {
    const body = {
      Name: request.name, Driver: 'overlay', Scope: 'swarm', Attachable: request.attachable, Internal: request.internal,
      Labels: request.labels ?? {}, CheckDuplicate: true, EnableIPv6: request.subnet?.family === 6,
      ...(request.subnet ? { IPAM: { Driver: 'default', Config: [{ Subnet: request.subnet.cidr }] } } : {}),
    };
    return str(at(await this.request('POST', '/networks/create', 'POST /networks/create', { body }, signal), 'Id'));
  }

  async removeNetwork(id: string, signal?: AbortSignal): Promise<void> {
    await this.request('DELETE', `/networks/${id}`, 'DELETE /networks/{id}', {}, signal);
  }

  /**
   * The data travels base64-encoded in the body only: not in the query (dockerode's own
   * createSecret/createConfig copy every option into the URL, data included), never in the log.
   */
  private async createNamed(kind: 'secret' | 'config', request: NamedObjectCreate, signal?: AbortSignal): Promise<string> {
    const body = { ...request.extra, Name: request.name, Labels: request.labels ?? {}, Data: Buffer.from(request.data).toString('base64') };
    return str(at(await this.request('POST', `/${kind}s/create`, `POST /${kind}s/create`, { body }, signal), 'ID'));
  }

  async imageTags(signal?: AbortSignal): Promise<readonly string[]> {
    const raw = await this.request('GET', '/images/json', 'GET /images/json', {}, signal);
    const tags = arr(raw).flatMap((image) => arr(at(image, 'RepoTags')).map((t) => str(t)));
    return [...new Set(tags.filter((t) => t !== '' && !t.startsWith('<none>')))].sort();
  }

  /** One Engine call: `call` names it for timeouts and the log (`POST /nodes/{id}/update`). */
  private async request(method: Method, path: string, call: string, options: { query?: Query; body?: unknown }, signal?: AbortSignal): Promise<unknown> {
    const query = defined(options.query);
    const hasQuery = Object.keys(query).length > 0;
    const fullPath = hasQuery ? `${path}?${new URLSearchParams(query).toString()}` : path;
    // docker-modem builds the query from `_query` when the path ends with "?", and sends `_body`
    // as JSON; an empty `{}` body is dropped unless `allowEmpty`.
    const dial = (abortSignal: AbortSignal): Promise<unknown> => new Promise((resolve, reject) => {
      this.api.docker.modem.dial({
        path: hasQuery ? `${path}?` : path, method, statusCodes: STATUS, abortSignal,
        options: { _query: query, _body: options.body ?? {} }, allowEmpty: options.body !== undefined,
      }, (err, data) => (err ? reject(err) : resolve(data)));
    });
    const logged = method !== 'GET' && this.log;
    try {
      const answer = await this.api.call(call, dial, signal);
      if (logged) logged.engine(`${method} ${fullPath}`, summarize(answer), false);
      return answer;
    } catch (e) {
      if (logged) logged.engine(`${method} ${fullPath}`, engineMessage(e), true);
      throw e;
    }
  }
}
