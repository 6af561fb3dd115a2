// known_hosts read and written as OpenSSH does, with OpenSSH's own tools as the oracle: ssh-keygen
// hashes entries (-H) and finds them (-F); what it finds, we find, and what we write, it finds.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HostKeyPolicy, type SshFiles, type UnknownHost } from '../../src/docker/ssh/hostKeyPolicy';
import { checkHostKey, fingerprint, hostToken, knownHostsLine } from '../../src/docker/ssh/knownHosts';
import { sshConfigValue } from '../../src/docker/ssh/sshConfig';

const have = (bin: string): boolean => ['/usr/bin', '/bin', '/usr/local/bin'].some((d) => fs.existsSync(path.join(d, bin)));

describe('known_hosts like OpenSSH', function () {
  let dir: string;
  let keyA: Buffer;
  let keyB: Buffer;
  let pubA: string;

  before(function () {
    if (!have('ssh-keygen')) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swarm-kh-'));
    for (const k of ['a', 'b']) execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, k)]);
    pubA = fs.readFileSync(path.join(dir, 'a.pub'), 'utf8').trim();
    keyA = Buffer.from(pubA.split(' ')[1] ?? '', 'base64');
    keyB = Buffer.from(fs.readFileSync(path.join(dir, 'b.pub'), 'utf8').split(' ')[1] ?? '', 'base64');
  });
  after(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return { path: p, text };
  };
  /** ssh-keygen -F: does OpenSSH find an entry for `token` in the file? */
  const sshFinds = (p: string, token: string): boolean => {
    try { return execFileSync('ssh-keygen', ['-F', token, '-f', p], { encoding: 'utf8' }).includes('found'); } catch { return false; }
  };

  it('fingerprints as ssh-keygen -l prints them', () => {
    const printed = execFileSync('ssh-keygen', ['-l', '-f', path.join(dir, 'a.pub')], { encoding: 'utf8' }).split(' ')[1];
    assert.equal(fingerprint(keyA), printed);
  });

  it('names hosts on other ports [host]:port', () => {
    assert.equal(hostToken('mgr', 22), 'mgr');
    assert.equal(hostToken('10.0.0.1', 2222), '[10.0.0.1]:2222');
  });

  it('finds plain and pattern entries; a negated pattern rules a host out', () => {
    const f = file('plain', `# comment\nmgr1,10.0.0.1 ${pubA}\n*.lan,!evil.lan ${pubA}\n`);
    assert.deepEqual(checkHostKey([f], 'mgr1', keyA), { status: 'known' });
    assert.deepEqual(checkHostKey([f], 'db.lan', keyA), { status: 'known' });
    assert.deepEqual(checkHostKey([f], 'evil.lan', keyA), { status: 'unknown', otherTypes: [] });
    assert.equal(sshFinds(f.path, 'db.lan'), true);
    assert.equal(sshFinds(f.path, 'evil.lan'), false);
  });

  it('finds entries hashed by ssh-keygen -H (HashKnownHosts)', () => {
    const f = file('hashed', `[127.0.0.1]:2222 ${pubA}\nmgr ${pubA}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', f.path], { stdio: 'ignore' });
    const text = fs.readFileSync(f.path, 'utf8');
    assert.match(text, /^\|1\|/m, 'ssh-keygen hashed it');
    assert.deepEqual(checkHostKey([{ path: f.path, text }], '[127.0.0.1]:2222', keyA), { status: 'known' });
    assert.deepEqual(checkHostKey([{ path: f.path, text }], 'mgr', keyA), { status: 'known' });
    assert.deepEqual(checkHostKey([{ path: f.path, text }], '127.0.0.1', keyA), { status: 'unknown', otherTypes: [] }, 'port 22 is another name');
  });

  it('a different key of the same type for a known host is "changed", with its file and line', () => {
    const f = file('changed', `other ${pubA}\nmgr ${pubA}\n`);
    assert.deepEqual(checkHostKey([f], 'mgr', keyB), { status: 'changed', at: { path: f.path, line: 2 } });
  });

  it('@revoked keys are refused; @cert-authority lines are not host keys', () => {
    const f = file('markers', `@revoked * ${pubA}\n@cert-authority mgr ${pubA}\n`);
    assert.deepEqual(checkHostKey([f], 'mgr', keyA), { status: 'revoked', at: { path: f.path, line: 1 } });
    assert.deepEqual(checkHostKey([file('ca', `@cert-authority mgr ${pubA}\n`)], 'mgr', keyA), { status: 'unknown', otherTypes: [] });
  });

  it('writes lines ssh-keygen -F finds, plain or hashed', () => {
    for (const hashed of [false, true]) {
      const f = file(`written-${hashed}`, `${knownHostsLine('[127.0.0.1]:2222', keyA, hashed)}\n`);
      assert.equal(sshFinds(f.path, '[127.0.0.1]:2222'), true, `hashed=${hashed}`);
      assert.equal(sshFinds(f.path, '127.0.0.1'), false);
      assert.equal(f.text.startsWith('|1|'), hashed);
    }
  });

  describe('HostKeyPolicy', () => {
    function files(known: string, config = ''): SshFiles & { appended: string[] } {
      const home = path.join(dir, 'home');
      const appended: string[] = [];
      const texts: Record<string, string> = { [path.join(home, '.ssh', 'known_hosts')]: known, [path.join(home, '.ssh', 'config')]: config };
      return { homedir: home, appended, read: (p) => texts[p], list: () => [], append: (p, line) => { appended.push(line); texts[p] = (texts[p] ?? '') + line + '\n'; } };
    }

    it('asks once about an unknown host, even for concurrent connections, and appends the key as ssh would', async () => {
      const f = files('', 'Host *\n  HashKnownHosts yes\n');
      const asked: UnknownHost[] = [];
      const policy = new HostKeyPolicy(f, async (q) => { asked.push(q); return true; });
      await Promise.all([policy.verify('127.0.0.1', 2222, keyA), policy.verify('127.0.0.1', 2222, keyA)]);
      assert.equal(asked.length, 1);
      assert.deepEqual(asked[0], { token: '[127.0.0.1]:2222', keyType: 'ED25519', fingerprint: fingerprint(keyA), otherTypes: [], knownHostsFile: path.join(f.homedir, '.ssh', 'known_hosts') });
      assert.equal(f.appended.length, 1);
      assert.match(f.appended[0] ?? '', /^\|1\|/);
      await policy.verify('127.0.0.1', 2222, keyA); // now on record: no question
      assert.equal(asked.length, 1);
    });

    it('a refused host is refused again without asking; a changed key is refused with the warning and the fix', async () => {
      let asked = 0;
      const policy = new HostKeyPolicy(files(`mgr ${pubA}\n`), async () => { asked++; return false; });
      await assert.rejects(policy.verify('new', 22, keyA), /was not trusted/);
      await assert.rejects(policy.verify('new', 22, keyA), /was not trusted/);
      assert.equal(asked, 1);
      await assert.rejects(policy.verify('mgr', 22, keyB), (e: Error & { hint?: string }) => {
        assert.match(e.message, /WARNING: the host key of mgr has CHANGED/);
        assert.match(e.hint ?? '', /ssh-keygen -f '.*known_hosts' -R 'mgr'/);
        return true;
      });
    });
  });

  it('ssh_config: first obtained value wins, Host patterns apply, Match sections are skipped', () => {
    const texts: Record<string, string> = {
      '/h/.ssh/config': 'Match host x\n  HashKnownHosts no\nHost db*\n  HashKnownHosts no\nHost *\n  Include ~/.ssh/conf.d/*.conf\n',
      '/h/.ssh/conf.d/a.conf': 'HashKnownHosts=yes\n',
      '/etc/ssh/ssh_config': 'HashKnownHosts no\n',
    };
    const cfg = { homedir: '/h', read: (p: string) => texts[p], list: (d: string) => (d === '/h/.ssh/conf.d' ? ['a.conf', 'b.txt'] : []) };
    assert.equal(sshConfigValue('HashKnownHosts', 'db1', cfg), 'no');
    assert.equal(sshConfigValue('HashKnownHosts', 'mgr', cfg), 'yes');
    assert.equal(sshConfigValue('hashknownhosts', 'mgr', { ...cfg, read: (p: string) => (p === '/etc/ssh/ssh_config' ? texts[p] : undefined) }), 'no');
  });
});
