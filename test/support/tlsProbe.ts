// A fake Docker daemon on 127.0.0.1 that records how a client connects: plain HTTP or TLS, whether
// the TLS handshake completed (the client accepted our certificate), and whether the client showed a
// certificate of its own. It answers every request like `/_ping` does. Used to compare our endpoint
// resolution with the real docker CLI's, connection by connection.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { Duplex } from 'node:stream';
import * as tls from 'node:tls';

export interface Seen {
  readonly tls: boolean;
  /** The client accepted the server certificate (always true for plain HTTP). */
  readonly accepted: boolean;
  readonly clientCert: boolean;
}

const REPLY = 'HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK';

export class TlsProbe {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  seen: Seen[] = [];

  constructor(private readonly cert: Buffer, private readonly key: Buffer) {
    this.server = net.createServer((raw) => this.accept(raw));
  }

  async listen(): Promise<number> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return (this.server.address() as net.AddressInfo).port;
  }

  private accept(raw: net.Socket): void {
    this.sockets.add(raw);
    raw.on('close', () => this.sockets.delete(raw));
    raw.on('error', () => undefined);
    raw.once('data', (first: Buffer) => {
      if (first[0] !== 0x16) { // not a TLS ClientHello: plain HTTP
        this.seen.push({ tls: false, accepted: true, clientCert: false });
        raw.end(REPLY);
        return;
      }
      const record = { tls: true, accepted: false, clientCert: false };
      this.seen.push(record);
      // The first bytes are already read off the socket: hand TLS a stream that starts with them.
      const wire = new Duplex({
        read() { /* pushed below */ },
        write(chunk: Buffer, _enc, done) { raw.write(chunk, done); },
        final(done) { raw.end(); done(); },
      });
      wire.push(first);
      raw.on('data', (d: Buffer) => wire.push(d));
      raw.on('end', () => wire.push(null));
      const s = new tls.TLSSocket(wire, { isServer: true, cert: this.cert, key: this.key, requestCert: true, rejectUnauthorized: false });
      s.on('error', () => raw.destroy());
      s.on('secure', () => { record.clientCert = Boolean(s.getPeerCertificate()?.subject); });
      s.once('data', () => { record.accepted = true; s.end(REPLY); });
    });
  }

  close(): void {
    for (const s of this.sockets) s.destroy();
    this.server.close();
  }
}

/** A CA, a server certificate for 127.0.0.1 and a client certificate it signed, made with openssl. */
export function makeCerts(dir: string, name: string): { ca: string; serverCert: Buffer; serverKey: Buffer; clientCert: string; clientKey: string } {
  fs.mkdirSync(dir, { recursive: true });
  const f = (n: string): string => path.join(dir, `${name}-${n}`);
  const ossl = (...args: string[]): void => { execFileSync('openssl', args, { stdio: 'ignore' }); };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  ossl('req', '-x509', ...ec, '-keyout', f('ca-key.pem'), '-out', f('ca.pem'), '-days', '2', '-subj', `/CN=${name}-ca`);
  fs.writeFileSync(f('san.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  ossl('req', ...ec, '-keyout', f('server-key.pem'), '-out', f('server.csr'), '-subj', '/CN=127.0.0.1');
  ossl('x509', '-req', '-in', f('server.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca-key.pem'), '-CAcreateserial', '-out', f('server.pem'), '-days', '2', '-extfile', f('san.cnf'));
  ossl('req', ...ec, '-keyout', f('client-key.pem'), '-out', f('client.csr'), '-subj', '/CN=client');
  ossl('x509', '-req', '-in', f('client.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca-key.pem'), '-CAcreateserial', '-out', f('client.pem'), '-days', '2');
  return { ca: f('ca.pem'), serverCert: fs.readFileSync(f('server.pem')), serverKey: fs.readFileSync(f('server-key.pem')), clientCert: f('client.pem'), clientKey: f('client-key.pem') };
}
