// SwarmApi on dockerode: each read is one Engine call with a deadline (engineCall) whose body is read
// strictly (./dial); the API version is negotiated on the first ping, as the docker CLI does; the
// event stream is parsed line by line.
import type Docker from 'dockerode';
import type { Agent, IncomingMessage } from 'node:http';
import type { Kind, ObjectOfKind, SwarmInfo } from '../domain/model';
import type { CallOptions, EventHandlers, EventSubscription, ListOptions, Ping, SubscribeOptions, SwarmApi } from '../store/swarmApi';
import { negotiateApiVersion } from './apiVersion';
import { dialGet, readBody, readJson, TruncatedBody, type Dialer } from './dial';
import { engineCall } from './engineCall';
import { JsonLineSplitter, toEngineEvent } from './eventStream';
import { MAPPERS, toSwarmInfo } from './mappers';

/** Event types the store acts on (container events tell about tasks on the node we talk to). */
const EVENT_TYPES = ['node', 'service', 'secret', 'config', 'network', 'container'];

type Filters = Record<string, string[]>;

/** How long a request/response call may take before it is aborted (swarm.engine.timeoutSeconds). */
export const DEFAULT_CALL_TIMEOUT_MS = 10_000;

const LIST_PATH: Readonly<Record<Kind, string>> = {
  node: '/nodes', service: '/services', task: '/tasks', secret: '/secrets', config: '/configs', network: '/networks',
};

/** `1796159410.215229274`: the Engine's `since` format (seconds, then nanoseconds). */
function engineTime(nano: number): string {
  const ns = BigInt(Math.max(0, Math.floor(nano)));
  return `${ns / 1_000_000_000n}.${String(ns % 1_000_000_000n).padStart(9, '0')}`;
}

export class DockerSwarmApi implements SwarmApi {
  /** The first ping, which negotiates the version; concurrent first calls wait for the same one. */
  private negotiation: Promise<unknown> | undefined;

  constructor(
    readonly docker: Docker,
    readonly endpointLabel: string,
    readonly callTimeoutMs = DEFAULT_CALL_TIMEOUT_MS,
    /** Turns a transport error into the error that explains it (ssh: a refused host key). */
    private readonly explain: (error: unknown) => unknown = (e) => e,
  ) {}

  /** A call with this adapter's deadline and endpoint (write adapters built on it use it too). */
  async call<T>(call: string, run: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await engineCall({ call, endpoint: this.endpointLabel, timeoutMs: this.callTimeoutMs, signal }, run);
    } catch (err) {
      throw this.explain(err);
    }
  }

  /**
   * Closes this endpoint's connections: an ssh:// endpoint's ssh connection (and the remote
   * `docker system dial-stdio` of every request still open), an unverified-TLS agent's sockets.
   * The streams and calls still open fail; later calls over ssh fail at once.
   */
  dispose(): void {
    (this.docker.modem as unknown as { agent?: Agent }).agent?.destroy();
  }

  private get modem(): Dialer {
    return this.docker.modem as unknown as Dialer;
  }

  async ping(options: CallOptions = {}): Promise<Ping> {
    // Unversioned, like the CLI's ping: negotiation must not depend on a version already chosen.
    const res = await this.call('GET /_ping', async (signal) => {
      // docker-modem prefixes the version when dial() is called (synchronously): other calls in
      // flight keep theirs.
      const saved = this.modem.version;
      this.modem.version = undefined;
      let dialing: Promise<IncomingMessage>;
      try {
        dialing = dialGet(this.modem, '/_ping', {}, signal);
      } finally {
        this.modem.version = saved;
      }
      const r = await dialing;
      await readBody(r, signal, 'GET /_ping', this.endpointLabel);
      return r;
    }, options.signal);
    const header = res.headers['api-version'];
    const daemon = typeof header === 'string' ? header : undefined;
    const version = negotiateApiVersion(daemon, this.endpointLabel);
    this.modem.version ??= `v${version}`;
    return { apiVersion: daemon ?? '' };
  }

  /** The negotiated version is in place before any versioned call (the CLI negotiates on first use). */
  private async ensureVersion(signal?: AbortSignal): Promise<void> {
    if (this.modem.version) return;
    this.negotiation ??= this.ping({ signal }).finally(() => { this.negotiation = undefined; });
    await this.negotiation;
  }

  async info(options: CallOptions = {}): Promise<SwarmInfo> {
    return toSwarmInfo(await this.getJson('GET /info', '/info', {}, options.signal));
  }

  async list<K extends Kind>(kind: K, options: ListOptions = {}): Promise<ObjectOfKind[K][]> {
    const filters: Filters = {};
    if (options.ids) filters['id'] = [...options.ids];
    if (options.serviceIds) filters['service'] = [...options.serviceIds];
    const raw = await this.fetch(kind, filters, options.signal);
    // A list that is not a list (a proxy's error page, a cut body) must never read as "no objects".
    if (!Array.isArray(raw)) throw new TruncatedBody(`GET ${LIST_PATH[kind]}`, this.endpointLabel, 'the answer is not a JSON list');
    return raw.map((r: unknown) => MAPPERS[kind](r));
  }

  /** The raw Engine JSON of one list call (also used by the fixture capture script). */
  fetch(kind: Kind, filters: Filters = {}, signal?: AbortSignal): Promise<unknown> {
    const query: Record<string, unknown> = { filters: JSON.stringify(kind === 'network' ? { ...filters, scope: ['swarm'] } : filters) };
    // status=true adds ServiceStatus (running/desired counts) to each service, in the same call.
    if (kind === 'service') query['status'] = true;
    return this.getJson(`GET ${LIST_PATH[kind]}`, LIST_PATH[kind], query, signal);
  }

  private async getJson(call: string, path: string, query: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
    await this.ensureVersion(signal);
    return this.call(call, async (s) => readJson(await dialGet(this.modem, path, query, s), s, call, this.endpointLabel), signal);
  }

  async subscribeEvents(handlers: EventHandlers, options: SubscribeOptions = {}): Promise<EventSubscription> {
    await this.ensureVersion(options.signal);
    const query: Record<string, unknown> = { filters: JSON.stringify({ type: EVENT_TYPES }) };
    if (options.sinceNano !== undefined) query['since'] = engineTime(options.sinceNano);
    // The deadline covers getting the response headers; the stream itself is checked by the store.
    const stream = new AbortController();
    const abortStream = (): void => stream.abort();
    options.signal?.addEventListener('abort', abortStream, { once: true });
    let res: IncomingMessage;
    try {
      res = await this.call('GET /events', (s) => {
        s.addEventListener('abort', abortStream, { once: true });
        return dialGet(this.modem, '/events', query, stream.signal);
      }, options.signal);
    } catch (err) {
      options.signal?.removeEventListener('abort', abortStream);
      stream.abort();
      throw err;
    }
    const splitter = new JsonLineSplitter();
    let open = true;
    const end = (err?: Error): void => {
      if (!open) return;
      open = false;
      options.signal?.removeEventListener('abort', abortStream);
      handlers.onEnd(err);
    };
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      for (const raw of splitter.push(chunk)) if (open) handlers.onEvent(toEngineEvent(raw));
    });
    res.on('error', (err: Error) => end(err));
    res.on('end', () => end());
    res.on('close', () => end());
    const date = Date.parse(String(res.headers.date ?? ''));
    return {
      openedAtNano: (Number.isFinite(date) ? date : Date.now()) * 1e6,
      close: () => {
        open = false;
        options.signal?.removeEventListener('abort', abortStream);
        res.destroy();
        stream.abort();
      },
    };
  }
}
