// A TCP proxy on 127.0.0.1 in front of a dockerd unix socket, that injects the faults a network
// between the extension and the engine produces: responses that never come (a vanished peer),
// connections dropped in the middle of a body, delays, an event stream that goes silent while the
// rest works, and refused connections. The fault applies to every connection, open or new, until
// the mode changes back to `pass`.
import * as net from 'node:net';

export type Fault =
  | { readonly kind: 'pass' }
  /** No byte of any answer reaches the client; requests still reach the daemon. */
  | { readonly kind: 'hang' }
  /** The next answer on each connection is cut after half of its first chunk, and the connection dropped. */
  | { readonly kind: 'drop' }
  /** Every chunk of every answer is held back this long. */
  | { readonly kind: 'delay'; readonly ms: number }
  /** The event streams open now (`GET /events`) stop delivering, silently; new connections work. */
  | { readonly kind: 'cut-events' }
  /** Nothing listens: connections are refused (and open ones closed). */
  | { readonly kind: 'refuse' };

interface Pair { readonly client: net.Socket; readonly upstream: net.Socket; events: boolean; cut: boolean }

export class FaultProxy {
  private server: net.Server | undefined;
  private readonly pairs = new Set<Pair>();
  private fault: Fault = { kind: 'pass' };
  port = 0;
  /** Connections accepted so far (the soak benchmark reports it). */
  accepted = 0;
  /** Event streams opened so far. */
  eventStreams = 0;

  constructor(private readonly socketPath: string) {}

  get host(): string { return `tcp://127.0.0.1:${this.port}`; }

  async start(): Promise<void> {
    const server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => { server.off('error', reject); resolve(); });
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
  }

  async set(fault: Fault): Promise<void> {
    const was = this.fault;
    this.fault = fault;
    for (const p of this.pairs) p.cut = fault.kind === 'cut-events' && p.events;
    if (fault.kind === 'refuse' && was.kind !== 'refuse') {
      const server = this.server;
      this.server = undefined;
      for (const p of this.pairs) { p.client.destroy(); p.upstream.destroy(); }
      await new Promise((r) => (server ? server.close(r) : r(undefined)));
    } else if (fault.kind !== 'refuse' && was.kind === 'refuse') {
      await this.start(); // the same port again
    }
  }

  private accept(client: net.Socket): void {
    this.accepted++;
    const upstream = net.connect(this.socketPath);
    const pair: Pair = { client, upstream, events: false, cut: false };
    this.pairs.add(pair);
    const close = (): void => { this.pairs.delete(pair); client.destroy(); upstream.destroy(); };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    client.on('data', (chunk: Buffer) => {
      if (!pair.events && /^GET [^ ]*\/events[ ?]/.test(chunk.toString('latin1', 0, 64))) { pair.events = true; this.eventStreams++; }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => this.answer(pair, chunk, close));
  }

  private answer(pair: Pair, chunk: Buffer, close: () => void): void {
    const f = this.fault;
    switch (f.kind) {
      case 'pass': pair.client.write(chunk); return;
      case 'hang': return;
      case 'cut-events': if (!pair.cut) pair.client.write(chunk); return;
      case 'drop':
        pair.client.write(chunk.subarray(0, Math.max(1, Math.floor(chunk.length / 2))), () => close());
        return;
      case 'delay': setTimeout(() => { if (!pair.client.destroyed) pair.client.write(chunk); }, f.ms); return;
      case 'refuse': close(); return;
    }
  }

  async stop(): Promise<void> {
    for (const p of this.pairs) { p.client.destroy(); p.upstream.destroy(); }
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise((r) => server.close(r));
  }
}
