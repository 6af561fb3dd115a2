// `GET /services/{id}/logs` and `GET /tasks/{id}/logs` as a stream of chunks. Opening it (until the
// Engine answers with its headers) is one call with the adapter's deadline; the stream itself lives
// as long as the view, so it has no deadline: a liveness check pings the Engine while it is open and
// ends the stream, saying why, when the Engine stops answering (a silent service is not a dead one).
import type { LogHandlers, LogRequest, LogStreams, OpenStream } from '../operations/streams';
import type { DockerSwarmApi } from './dockerSwarmApi';

export const LIVENESS_INTERVAL_MS = 15_000;
/** Missed pings before the stream is declared lost. */
const LIVENESS_MISSES = 2;

interface ReadableLike {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  destroy(): void;
}

/** Path and query of the request; docker-modem appends the query to a path that ends with "?". */
export function logRequestPath(request: LogRequest): { path: string; query: Record<string, string> } {
  // stdout and stderr default to false on the Engine: ask for both. Details carry the task context
  // the prefix is built from; timestamps are always asked for, the view shows or hides them.
  const query = { stdout: '1', stderr: '1', details: '1', timestamps: '1', follow: request.follow ? '1' : '0', tail: String(request.tail) };
  return { path: `/${request.target.kind === 'service' ? 'services' : 'tasks'}/${encodeURIComponent(request.target.id)}/logs?`, query };
}

/** dockerode's ping takes abortSignal like every call; @types/dockerode leaves it out there. */
function pingOf(docker: DockerSwarmApi['docker']): (opts: { abortSignal: AbortSignal }) => Promise<unknown> {
  return docker.ping.bind(docker) as unknown as (opts: { abortSignal: AbortSignal }) => Promise<unknown>;
}

export class DockerLogStreams implements LogStreams {
  constructor(private readonly api: DockerSwarmApi, private readonly livenessMs = LIVENESS_INTERVAL_MS) {}

  async openLogs(request: LogRequest, handlers: LogHandlers, signal?: AbortSignal): Promise<OpenStream> {
    const { path, query } = logRequestPath(request);
    const call = `GET /${request.target.kind}s/{id}/logs`;
    const stream = await this.api.call(call, (abortSignal) => new Promise<ReadableLike>((resolve, reject) => {
      this.api.docker.modem.dial({
        path, method: 'GET', isStream: true, abortSignal, options: { _query: query },
        statusCodes: { 200: true, 404: `no such ${request.target.kind}`, 500: 'server error', 503: 'node is not part of a swarm' },
      }, (err, data) => (err ? reject(err) : resolve(data as ReadableLike)));
    }), signal);
    return this.watch(stream, handlers);
  }

  private watch(stream: ReadableLike, handlers: LogHandlers): OpenStream {
    let open = true;
    let misses = 0;
    let pinging = false;
    const end = (err?: Error): void => {
      if (!open) return;
      open = false;
      clearInterval(timer);
      stream.destroy();
      handlers.onEnd(err);
    };
    const ping = (): void => {
      if (pinging || !open) return;
      pinging = true;
      this.api.call('GET /_ping', (abortSignal) => pingOf(this.api.docker)({ abortSignal }))
        .then(() => { misses = 0; })
        .catch((e: unknown) => {
          if (++misses >= LIVENESS_MISSES) {
            end(new Error(`the Engine at ${this.api.endpointLabel} stopped answering (${e instanceof Error ? e.message : String(e)})`));
          }
        })
        .finally(() => { pinging = false; });
    };
    const timer = setInterval(ping, this.livenessMs);
    stream.on('data', (chunk) => { if (open) handlers.onData(chunk); });
    stream.on('error', (err) => end(err));
    stream.on('end', () => end());
    stream.on('close', () => end());
    return { close: () => { if (open) { open = false; clearInterval(timer); stream.destroy(); } } };
  }
}
