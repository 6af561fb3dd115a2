// A private OpenSSH server for the ssh:// tests: its own config, host key and port on 127.0.0.1,
// key-only login as the current user, and DOCKER_HOST set for every session (SetEnv), so that
// `docker system dial-stdio` on the far side — what docker-modem runs — reaches a lab socket.
// Stopped with its sessions: each session process (and what it runs) is killed, then the listener's
// process group. A session outlives its listener and would hold the client's socket open, and it is
// not in the listener's group: sshd gives each session a session of its own (setsid).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const SSHD = '/usr/sbin/sshd';

export interface Sshd {
  readonly port: number;
  readonly dir: string;
  /** The host's public key line (`ssh-ed25519 AAAA…`). */
  readonly hostKeyPub: string;
  /** A client key (`<dir>/client`, `<dir>/client.pub`) that may log in. */
  readonly clientKey: string;
  stop(): void;
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

export function keygen(file: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'swarm-operator-test', '-f', file]);
}

export async function startSshd(dockerHost: string, extraAuthorized: readonly string[] = []): Promise<Sshd> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swarm-sshd-'));
  const port = await freePort();
  keygen(path.join(dir, 'host'));
  keygen(path.join(dir, 'client'));
  const authorized = [fs.readFileSync(path.join(dir, 'client.pub'), 'utf8'), ...extraAuthorized].join('\n');
  fs.writeFileSync(path.join(dir, 'authorized_keys'), authorized, { mode: 0o600 });
  fs.writeFileSync(path.join(dir, 'sshd_config'), [
    `Port ${port}`, 'ListenAddress 127.0.0.1', `HostKey ${dir}/host`, `PidFile ${dir}/sshd.pid`,
    `AuthorizedKeysFile ${dir}/authorized_keys`, 'PasswordAuthentication no', 'KbdInteractiveAuthentication no',
    'UsePAM no', 'StrictModes no', 'PermitRootLogin prohibit-password', `AllowUsers ${os.userInfo().username}`,
    'AllowTcpForwarding no', 'X11Forwarding no', `SetEnv DOCKER_HOST=${dockerHost}`, 'LogLevel ERROR', '',
  ].join('\n'));
  fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 }); // sshd's privilege-separation folder
  const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', path.join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const up = Date.now();
  for (;;) {
    const ok = await new Promise<boolean>((r) => { const c = net.connect(port, '127.0.0.1', () => { c.destroy(); r(true); }); c.on('error', () => r(false)); });
    if (ok) break;
    if (Date.now() - up > 10_000 || child.exitCode !== null) { child.kill('SIGKILL'); throw new Error(`sshd did not start on 127.0.0.1:${port}`); }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port, dir, clientKey: path.join(dir, 'client'),
    hostKeyPub: fs.readFileSync(path.join(dir, 'host.pub'), 'utf8').split(' ').slice(0, 2).join(' '),
    stop() {
      if (child.pid !== undefined) {
        for (const p of sshdSessions({ dir })) { try { process.kill(p.pid, 'SIGKILL'); } catch { /* already gone */ } }
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The processes sshd runs for its connections (`sshd: user@notty`, `docker system dial-stdio`, …):
 * the listener's descendants, as ps lists them.
 */
export function sshdSessions(s: Pick<Sshd, 'dir'>): { readonly pid: number; readonly args: string }[] {
  const listener = fs.readFileSync(path.join(s.dir, 'sshd.pid'), 'utf8').trim();
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l)).filter((m) => m !== null).map((m) => ({ pid: m[1] ?? '', ppid: m[2] ?? '', args: m[3] ?? '' }));
  const tree = new Set([listener]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows) if (tree.has(r.ppid) && !tree.has(r.pid)) { tree.add(r.pid); grew = true; }
  }
  return rows.filter((r) => r.pid !== listener && tree.has(r.pid)).map((r) => ({ pid: Number(r.pid), args: r.args }));
}

/** This process's TCP sockets to the sshd, in any state, as the kernel (ss) lists them. */
export function clientSockets(s: Sshd): string[] {
  return execFileSync('ss', ['-tnpaH', 'dport', '=', `:${s.port}`], { encoding: 'utf8' }).split('\n')
    .filter((l) => l.includes(`pid=${process.pid},`));
}

/** OpenSSH's own verdict on a host with this known_hosts (StrictHostKeyChecking=yes, no prompt). */
export function sshAccepts(s: Sshd, knownHosts: string, identity = s.clientKey): { ok: boolean; stderr: string } {
  try {
    execFileSync('ssh', ['-F', '/dev/null', '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${knownHosts}`,
      '-o', 'GlobalKnownHostsFile=/dev/null', '-i', identity, '-p', String(s.port), `${os.userInfo().username}@127.0.0.1`, 'true'], { stdio: ['ignore', 'ignore', 'pipe'] });
    return { ok: true, stderr: '' };
  } catch (e) {
    return { ok: false, stderr: String((e as { stderr?: Buffer }).stderr ?? '') };
  }
}
