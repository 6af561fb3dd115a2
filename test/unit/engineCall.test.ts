// A call to an Engine that never answers (a dead peer) is aborted at its deadline: the promise
// rejects with the call and endpoint named, and the connection is closed rather than left hanging.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import { classifyError } from '../../src/domain/errors';
import { DockerSwarmApi } from '../../src/docker/dockerSwarmApi';
import { EngineTimeout } from '../../src/docker/engineCall';

describe('engine calls have a deadline', function () {
  let dir: string;
  let server: net.Server;
  const open = new Set<net.Socket>();

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swarm-hang-'));
    // Answers the version-negotiation ping, then reads requests but never answers: what a peer that
    // vanished after the connection was set up looks like.
    server = net.createServer((s) => {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.once('data', (chunk: Buffer) => {
        if (chunk.toString().startsWith('GET /_ping')) s.end('HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK');
        else s.resume();
      });
    });
    await new Promise<void>((r) => server.listen(path.join(dir, 'hang.sock'), r));
  });

  after(() => {
    for (const s of open) s.destroy();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a list call that never answers rejects with EngineTimeout and closes its connection', async () => {
    const socketPath = path.join(dir, 'hang.sock');
    const api = new DockerSwarmApi(new Docker({ socketPath }), `unix://${socketPath}`, 300);
    const t0 = Date.now();
    const err = await api.list('task').then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof EngineTimeout, `rejected with ${String(err)}`);
    assert.equal(err.call, 'GET /tasks');
    assert.match(err.message, /GET \/tasks on unix:\/\/.*hang\.sock did not answer within 0\.3 s/);
    assert.ok(Date.now() - t0 < 2_000);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(open.size, 0, 'the hanging connection was torn down');
    assert.equal(classifyError(err, api.endpointLabel).kind, 'unreachable');
  });
});
