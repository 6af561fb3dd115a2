// A Unix-socket proxy in front of a lab engine's socket, for what only the wire shows: every byte a
// client sent (to prove a secret value travels only in a request body), and a link that goes silent
// without closing (what a dead SSH tunnel or a half-open TCP connection looks like to a client).
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const REQUEST_LINE = /(?:^|(?<=\r\n))(?:GET|POST|PUT|DELETE|HEAD) \S+ HTTP\/1\.[01](?=\r\n)/g;

export class SocketProxy {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly sent: Buffer[] = [];
  private readonly links: { requests: string[]; open: boolean }[] = [];
  private frozen = false;
  readonly path: string;

  private constructor(target: string) {
    this.path = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'swarm-proxy-')), 'docker.sock');
    this.server = net.createServer((client) => {
      const upstream = net.connect(target);
      const link = { requests: [] as string[], open: true };
      this.links.push(link);
      client.on('close', () => { link.open = false; });
      for (const s of [client, upstream]) { this.sockets.add(s); s.on('close', () => this.sockets.delete(s)); s.on('error', () => s.destroy()); }
      client.on('data', (chunk: Buffer) => {
        this.sent.push(chunk);
        // Connections are kept alive: one carries many requests, one after the other.
        for (const m of chunk.toString('latin1').matchAll(REQUEST_LINE)) link.requests.push(m[0].trim());
        if (!this.frozen) upstream.write(chunk);
      });
      upstream.on('data', (chunk: Buffer) => { if (!this.frozen) client.write(chunk); });
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }

  /** `target`: the engine's socket path (or a unix:// URL). */
  static async start(target: string): Promise<SocketProxy> {
    const proxy = new SocketProxy(target.replace(/^unix:\/\//, ''));
    await new Promise<void>((resolve) => proxy.server.listen(proxy.path, resolve));
    return proxy;
  }

  get host(): string { return `unix://${this.path}`; }

  /** Everything clients sent, as text (request lines, headers and bodies). */
  sentText(): string { return Buffer.concat(this.sent).toString('latin1'); }

  /** The request lines (`POST /secrets/create HTTP/1.1`) clients sent. */
  requestLines(): string[] {
    return this.links.flatMap((l) => l.requests);
  }

  /** Each client connection: the request lines it carried, and whether the client still holds it open. */
  connections(): readonly { readonly requests: readonly string[]; readonly open: boolean }[] { return this.links; }

  /** Stop forwarding either way, keeping every connection open. */
  freeze(): void { this.frozen = true; }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    fs.rmSync(path.dirname(this.path), { recursive: true, force: true });
  }
}
