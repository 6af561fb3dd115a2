// The adapter on the wire, against a tiny HTTP server on a unix socket: the API version negotiated as
// the docker CLI does (moby client negotiateAPIVersionPing: ping, then the lower of ours and the
// daemon's), and answers cut short failing at once instead of reading as data.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { compareVersions, negotiateApiVersion, UnsupportedEngine } from '../../src/docker/apiVersion';
import { DockerSwarmApi } from '../../src/docker/dockerSwarmApi';
import { createDocker } from '../../src/docker/modem';
import { classifyError } from '../../src/domain/errors';

type Reply = (requestLine: string, socket: net.Socket) => void;

describe('the Docker adapter on the wire', () => {
  let dir: string;
  let server: net.Server;
  let reply: Reply;
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const sock = (): string => path.join(dir, 'd.sock');

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swarm-wire-'));
    server = net.createServer((s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('data', (d: Buffer) => {
        const line = d.toString('latin1').split('\r\n')[0] ?? '';
        requests.push(line);
        reply(line, s);
      });
    });
    await new Promise<void>((r) => server.listen(sock(), r));
  });
  after(() => { for (const s of sockets) s.destroy(); server.close(); fs.rmSync(dir, { recursive: true, force: true }); });
  beforeEach(() => { requests.length = 0; });

  const http = (status: string, headers: Record<string, string>, body: string): string =>
    `HTTP/1.1 ${status}\r\n${Object.entries({ 'Content-Length': String(Buffer.byteLength(body)), ...headers }).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`;
  const daemon = (apiVersion: string | undefined, list: (s: net.Socket) => void): Reply => (line, s) => {
    if (line.startsWith('GET /_ping')) s.write(http('200 OK', apiVersion ? { 'Api-Version': apiVersion } : {}, 'OK'));
    else list(s);
  };
  const api = (): DockerSwarmApi => new DockerSwarmApi(createDocker({ socketPath: sock() }), `unix://${sock()}`, 2000);

  describe('API version negotiation', () => {
    it('compares versions numerically', () => {
      assert.ok(compareVersions('1.9', '1.41') < 0);
      assert.ok(compareVersions('1.50', '1.41') > 0);
      assert.equal(compareVersions('1.41', '1.41.0'), 0);
    });
    it('the lower of ours (1.50) and the daemon\'s; none sent means 1.24, which is too old', () => {
      assert.equal(negotiateApiVersion('1.41', 'x'), '1.41');
      assert.equal(negotiateApiVersion('1.47', 'x'), '1.47');
      assert.equal(negotiateApiVersion('1.52', 'x'), '1.50');
      assert.throws(() => negotiateApiVersion(undefined, 'x'), UnsupportedEngine);
      assert.throws(() => negotiateApiVersion('1.40', 'unix:///d.sock'), /speaks Engine API 1\.40; this extension needs 1\.41/);
    });
    for (const [daemonVersion, used] of [['1.43', 'v1.43'], ['1.52', 'v1.50']] as const) {
      it(`a daemon at ${daemonVersion}: one ping, unversioned, then every call at /${used}`, async () => {
        reply = daemon(daemonVersion, (s) => s.write(http('200 OK', { 'Content-Type': 'application/json' }, '[]')));
        const a = api();
        await Promise.all([a.list('node'), a.list('secret')]);
        assert.deepEqual(requests.map((r) => r.split('?')[0]).sort(), ['GET /_ping HTTP/1.1', `GET /${used}/nodes`, `GET /${used}/secrets`]);
      });
    }

    it('a ping while other calls are in flight leaves their version alone', async () => {
      reply = daemon('1.43', (s) => s.write(http('200 OK', { 'Content-Type': 'application/json' }, '[]')));
      const a = api();
      await a.ping();
      requests.length = 0;
      await Promise.all([a.list('node'), a.ping(), a.list('secret'), a.ping(), a.list('config')]);
      assert.deepEqual(requests.filter((r) => !r.startsWith('GET /_ping')).map((r) => r.split('?')[0]).sort(),
        ['GET /v1.43/configs', 'GET /v1.43/nodes', 'GET /v1.43/secrets']);
    });
  });

  describe('answers cut short', () => {
    it('a body cut mid-way (Content-Length not reached) fails at once, naming the call', async () => {
      reply = daemon('1.41', (s) => { s.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n[{"ID":"a'); setTimeout(() => s.destroy(), 20); });
      const t0 = Date.now();
      const err = await api().list('task').then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof Error && /GET \/tasks on unix:.*the connection broke while the answer was read/.test(err.message), String(err));
      assert.ok(Date.now() - t0 < 1000, 'not left to the deadline');
      assert.equal(classifyError(err, 'x').kind, 'unreachable');
    });
    it('a body cut at a connection close is an error, never an empty list', async () => {
      reply = daemon('1.41', (s) => s.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[{"ID":"a"'));
      await assert.rejects(api().list('service'), /the body is not JSON/);
    });
    it('a JSON answer that is not a list is an error, never an empty list', async () => {
      reply = daemon('1.41', (s) => s.write(http('200 OK', { 'Content-Type': 'application/json' }, '{"message":"proxy says hi"}')));
      await assert.rejects(api().list('node'), /the answer is not a JSON list/);
    });
    it('an engine error keeps its status and message (classified as the engine meant it)', async () => {
      reply = daemon('1.41', (s) => s.write(http('503 Service Unavailable', { 'Content-Type': 'application/json' },
        '{"message":"This node is not a swarm manager. Worker nodes can\'t be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager."}')));
      const err = await api().list('node').then(() => undefined, (e: unknown) => e);
      assert.equal(classifyError(err, 'x').kind, 'worker');
    });
  });
});
