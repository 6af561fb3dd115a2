// Request/response calls on docker-modem, reading the body ourselves. docker-modem's own body reader
// listens only for 'data' and 'end': a connection dropped mid-body leaves its promise pending for
// good (even past an abort), and a body cut short at a connection close comes back as a Buffer,
// which dockerode's list helpers hand on as if it were an answer. Here a body either arrives whole
// and parses, or the call fails at once and says why.
import type { IncomingMessage } from 'node:http';

/** The part of docker-modem's Modem this module uses (docker-modem ships no types). */
export interface Dialer {
  dial(options: DialOptions, callback: (err: unknown, res: unknown) => void): void;
  version?: string;
}

interface DialOptions {
  readonly path: string;
  readonly method: 'GET';
  readonly options: Record<string, unknown>;
  readonly isStream: true;
  readonly statusCodes: Readonly<Record<number, true | string>>;
  readonly abortSignal: AbortSignal;
}

/** The body ended before it was complete; the classifier treats the code as "connection broke". */
export class TruncatedBody extends Error {
  override readonly name = 'TruncatedBody';
  readonly code = 'ECONNRESET';
  constructor(call: string, endpoint: string, why: string) {
    super(`${call} on ${endpoint}: the connection broke while the answer was read (${why})`);
  }
}

const STATUS: Readonly<Record<number, true | string>> = {
  200: true, 400: 'bad parameter', 404: 'not found', 500: 'server error', 503: 'node is not part of a swarm',
};

/** GET `path` with `query`; resolves with the response once its headers arrived (the body unread). */
export function dialGet(modem: Dialer, path: string, query: Record<string, unknown>, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    modem.dial({ path: `${path}?`, method: 'GET', options: query, isStream: true, statusCodes: STATUS, abortSignal: signal },
      (err, res) => (err ? reject(err) : resolve(res as IncomingMessage)));
  });
}

/** The whole body of `res` as text; rejects if the connection closes or the call aborts before its end. */
export function readBody(res: IncomingMessage, signal: AbortSignal, call: string, endpoint: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (err?: Error): void => {
      if (done) return;
      done = true;
      signal.removeEventListener('abort', onAbort);
      if (err) { res.destroy(); reject(err); } else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onAbort = (): void => finish(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    if (signal.aborted) { onAbort(); return; }
    signal.addEventListener('abort', onAbort, { once: true });
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => (res.complete ? finish() : finish(new TruncatedBody(call, endpoint, 'incomplete body'))));
    res.on('error', (e) => finish(new TruncatedBody(call, endpoint, e.message)));
    res.on('close', () => finish(new TruncatedBody(call, endpoint, 'connection closed')));
  });
}

/** The body as JSON; a body that does not parse is an error naming the call, never a value. */
export async function readJson(res: IncomingMessage, signal: AbortSignal, call: string, endpoint: string): Promise<unknown> {
  const text = await readBody(res, signal, call, endpoint);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new TruncatedBody(call, endpoint, `the body is not JSON: ${JSON.stringify(text.slice(0, 60))}`);
  }
}
