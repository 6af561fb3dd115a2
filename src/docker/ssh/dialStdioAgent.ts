// The ssh:// transport: a keep-alive http.Agent whose connections are exec channels running
// `docker system dial-stdio` (what the docker CLI runs over ssh for each connection) on ONE ssh
// connection per endpoint, opened on first use and shared by the requests that follow.
// docker-modem's own ssh agent opens an ssh connection per request and ends it only on its
// channel's 'close' — which ssh2 emits only after the channel's readable side has ended, so a
// request aborted before its channel arrived (a deadline, a cancel) left that ssh connection and
// its sshd session open for good. Here a destroyed channel is marked destroyed as a stream is (so
// ssh2 emits 'close' when the far side confirms, and http never reuses it), the ssh connection
// ends once no request has used it for `idleMs` (with the idle channels), and destroy() ends all.
import * as http from 'node:http';
import { Duplex } from 'node:stream';
import { Client, type ClientChannel, type ConnectConfig } from 'ssh2';

const DIAL_STDIO = 'docker system dial-stdio';
/** How long an ssh connection without requests stays open for the next one. */
const IDLE_MS = 10_000;
/** Idle channels (each a remote dial-stdio) kept for reuse; more are closed when their request ends. */
const MAX_IDLE_CHANNELS = 2;
const CLOSED = 'the ssh connection was closed (disconnected)';

interface Connection {
  readonly client: Client;
  readonly ready: Promise<void>;
  readonly channels: Set<ClientChannel>;
  /** Requests waiting for a channel, plus channels in use (not idle): the connection is idle at 0. */
  users: number;
  idle?: NodeJS.Timeout;
}

export class DialStdioAgent extends http.Agent {
  /** The connection new requests use; undefined until the first request and after it closed. */
  private current: Connection | undefined;
  private readonly open = new Set<Connection>();
  /** Each channel's connection, and whether http keeps it idle for the next request. */
  private readonly owner = new WeakMap<Duplex, { readonly conn: Connection; idle: boolean }>();
  private closed = false;

  /** `config` is handed to ssh2 as it is: host, port, username, hostVerifier, authHandler. */
  constructor(readonly config: ConnectConfig, private readonly idleMs = IDLE_MS) {
    super({ keepAlive: true, maxFreeSockets: MAX_IDLE_CHANNELS });
  }

  override createConnection(_options: unknown, callback: (err: Error | null, stream: Duplex) => void): undefined {
    const fail = (err: Error): void => callback(err, undefined as unknown as Duplex);
    if (this.closed) { fail(new Error(CLOSED)); return undefined; }
    let conn: Connection;
    try {
      conn = this.current ??= this.connect();
    } catch (err) { // ssh2 checks its config synchronously (a missing user name)
      fail(err instanceof Error ? err : new Error(String(err)));
      return undefined;
    }
    clearTimeout(conn.idle);
    conn.users++;
    conn.ready
      .then(() => new Promise<ClientChannel>((resolve, reject) => {
        conn.client.exec(DIAL_STDIO, (err, channel) => (err ? reject(err) : resolve(channel)));
      }))
      .then((channel) => {
        this.track(conn, channel);
        if (this.closed) { channel.destroy(); fail(new Error(CLOSED)); } else callback(null, channel);
      },
        (err: unknown) => { this.release(conn); fail(err instanceof Error ? err : new Error(String(err))); });
    return undefined;
  }

  // http's default calls net.Socket methods (setKeepAlive, setTimeout) a channel lacks; an idle
  // channel only stops counting as a use of its connection (which ends when idle).
  override keepSocketAlive(socket: Duplex): boolean {
    const c = this.owner.get(socket);
    if (!c || this.closed || c.conn !== this.current) return false;
    c.idle = true;
    this.release(c.conn);
    return true;
  }

  override reuseSocket(socket: Duplex, req: http.ClientRequest): void {
    super.reuseSocket(socket, req); // takes its idle 'error' listener off, and ref()s it
    const c = this.owner.get(socket);
    if (!c?.idle) return;
    c.idle = false;
    clearTimeout(c.conn.idle);
    c.conn.users++;
  }

  /** Ends every channel and ssh connection; later requests fail at once. */
  override destroy(): void {
    this.closed = true;
    for (const conn of this.open) this.end(conn);
    super.destroy();
  }

  private connect(): Connection {
    const client = new Client();
    const ready = new Promise<void>((resolve, reject) => {
      client.once('ready', () => resolve());
      // Stays on after 'ready': an error of a live connection reaches its requests through their
      // channels, and must not be thrown from the client.
      client.on('error', reject);
      client.once('close', () => reject(new Error('the ssh connection closed before it was ready')));
    });
    const conn: Connection = { client, ready, channels: new Set(), users: 0 };
    client.connect(this.config);
    this.open.add(conn);
    client.once('close', () => {
      // ssh2 ends the channels of a dead connection but emits their 'close' only after 'end', which
      // an idle channel (nobody reads it) never reaches: http would reuse it, and the request hang.
      for (const channel of conn.channels) {
        if (channel.destroyed) continue;
        Duplex.prototype.destroy.call(channel);
        channel.emit('close');
      }
      clearTimeout(conn.idle);
      this.open.delete(conn);
      if (this.current === conn) this.current = undefined;
    });
    // Refused (host key, auth) or unreachable: the next request opens a new connection.
    ready.catch(() => this.end(conn));
    return conn;
  }

  private track(conn: Connection, channel: ClientChannel): void {
    conn.channels.add(channel);
    const c = { conn, idle: false };
    this.owner.set(channel, c);
    // http listens for the channel's errors while a request holds it; this keeps an idle one's or an
    // orphan's from throwing.
    channel.on('error', () => undefined);
    // http's pool ref()s a socket it reuses; a channel is kept alive by its connection.
    Object.assign(channel, { ref: () => channel, unref: () => channel });
    channel.once('close', () => { conn.channels.delete(channel); if (!c.idle) this.release(conn); });
    // ssh2's destroy() sends CHANNEL_CLOSE but leaves the stream undestroyed, and emits 'close' only
    // after 'end' — which a channel nobody reads never reaches (http destroys the channel of an
    // aborted request unread). Destroyed as a stream too, it gets 'close' when the far side
    // confirms, and http's pool skips it.
    const sshDestroy = channel.destroy.bind(channel);
    channel.destroy = (): ClientChannel => {
      sshDestroy();
      Duplex.prototype.destroy.call(channel);
      return channel;
    };
  }

  private release(conn: Connection): void {
    if (--conn.users > 0) return;
    if (conn !== this.current) { this.end(conn); return; }
    conn.idle = setTimeout(() => this.end(conn), this.idleMs);
    conn.idle.unref();
  }

  private end(conn: Connection): void {
    clearTimeout(conn.idle);
    if (this.current === conn) this.current = undefined;
    for (const channel of conn.channels) channel.destroy();
    conn.client.end();
  }
}
