// Host key checking for ssh:// endpoints, as OpenSSH does it with StrictHostKeyChecking=ask: a key
// on record in known_hosts is accepted, a changed or revoked key is refused with a warning, and an
// unknown host is put to the user (the editor asks; swarm-lint, which cannot ask, refuses and says
// how to trust the host). A trusted key is appended to ~/.ssh/known_hosts the way ssh appends it.
// An endpoint's ssh connection is opened again after it closed (idle, broken, refused): answers
// are remembered for the session, and concurrent connections share one question.
import * as nodePath from 'node:path';
import { checkHostKey, fingerprint, hostToken, keyTypeName, keyTypeOf, knownHostsLine, type KnownHostsFile } from './knownHosts';
import { sshConfigValue, type ConfigFiles } from './sshConfig';

export interface UnknownHost {
  /** `host` or `[host]:port`, as in known_hosts. */
  readonly token: string;
  /** `ED25519`, `ECDSA`, `RSA`. */
  readonly keyType: string;
  readonly fingerprint: string;
  /** Key types on record for this host (a different type was offered). */
  readonly otherTypes: readonly string[];
  readonly knownHostsFile: string;
}

/** Asks whether to trust an unknown host; resolves true to trust it. */
export type TrustPrompt = (host: UnknownHost) => Promise<boolean>;

export interface SshFiles extends ConfigFiles {
  /** Appends a line to a file, creating it (and its folder, mode 0700) if needed. */
  append(path: string, line: string): void;
}

/** The host key was refused; `hint` says what to do. The store shows it as a `host-key` error. */
export class HostKeyError extends Error {
  override readonly name = 'HostKeyError';
  constructor(message: string, readonly hint: string) { super(message); }
}

/** A prompt for tools that cannot ask (swarm-lint): an unknown host is refused, with how to trust it. */
export const refuseUnknownHosts = (how: { host: string; port: number; user?: string }): TrustPrompt => async () => {
  throw new HostKeyError(`The authenticity of host ${hostToken(how.host, how.port)} can't be established, and swarm-lint does not add host keys.`,
    `Trust it first: connect once with "ssh ${how.port === 22 ? '' : `-p ${how.port} `}${how.user ? `${how.user}@` : ''}${how.host}" and accept the key, `
    + `or run "ssh-keyscan ${how.port === 22 ? '' : `-p ${how.port} `}${how.host} >> ~/.ssh/known_hosts" after checking the fingerprint with the host's administrator.`);
};

export class HostKeyPolicy {
  private readonly answers = new Map<string, Promise<void>>();
  private lastRefusal: HostKeyError | undefined;

  constructor(private readonly files: SshFiles, private readonly trust: TrustPrompt) {}

  private get userFile(): string { return nodePath.join(this.files.homedir, '.ssh', 'known_hosts'); }

  private knownHosts(): KnownHostsFile[] {
    const paths = [this.userFile, `${this.userFile}2`, '/etc/ssh/ssh_known_hosts', '/etc/ssh/ssh_known_hosts2'];
    return paths.flatMap((path) => { const text = this.files.read(path); return text === undefined ? [] : [{ path, text }]; });
  }

  /** Resolves if the key may be used for host:port; rejects with a HostKeyError otherwise. */
  verify(host: string, port: number, key: Buffer): Promise<void> {
    const token = hostToken(host, port);
    const verdict = checkHostKey(this.knownHosts(), token, key);
    const type = keyTypeName(keyTypeOf(key));
    const fp = fingerprint(key);
    switch (verdict.status) {
      case 'known': return Promise.resolve();
      case 'revoked':
        return this.refuse(new HostKeyError(`The ${type} host key of ${token} (${fp}) is marked @revoked in ${verdict.at.path}:${verdict.at.line}.`,
          'Do not connect; ask the host\'s administrator for its current key.'));
      case 'changed':
        return this.refuse(new HostKeyError(`WARNING: the host key of ${token} has CHANGED: it now sends the ${type} key ${fp}, and ${verdict.at.path}:${verdict.at.line} holds another. `
          + 'Someone could be intercepting the connection (man in the middle), or the host was reinstalled.',
        `Check the new fingerprint with the host's administrator; if it is right, remove the old key with "ssh-keygen -f '${verdict.at.path}' -R '${token}'" and connect again.`));
      case 'unknown': {
        const id = `${token} ${fp}`;
        let answer = this.answers.get(id);
        if (!answer) {
          answer = this.ask({ token, keyType: type, fingerprint: fp, otherTypes: verdict.otherTypes.map(keyTypeName), knownHostsFile: this.userFile }, host, key);
          this.answers.set(id, answer);
        }
        return answer;
      }
    }
  }

  private async ask(question: UnknownHost, host: string, key: Buffer): Promise<void> {
    let trusted: boolean;
    try {
      trusted = await this.trust(question);
    } catch (e) {
      if (e instanceof HostKeyError) return this.refuse(e);
      throw e;
    }
    if (!trusted) {
      return this.refuse(new HostKeyError(`The host key of ${question.token} (${question.keyType} ${question.fingerprint}) was not trusted.`,
        'Run "Reconnect to Docker" to be asked again, after checking the fingerprint with the host\'s administrator.'));
    }
    const hashed = (sshConfigValue('HashKnownHosts', host, this.files) ?? 'no').toLowerCase() === 'yes';
    this.files.append(this.userFile, knownHostsLine(question.token, key, hashed));
  }

  private refuse(error: HostKeyError): Promise<never> {
    this.lastRefusal = error;
    return Promise.reject(error);
  }

  /** ssh2's `hostVerifier` for host:port (asynchronous form: it calls back with the verdict). */
  verifierFor(host: string, port: number): (key: Buffer, done: (ok: boolean) => void) => void {
    return (key, done) => { this.verify(host, port, key).then(() => done(true), () => done(false)); };
  }

  /** ssh2 reports a refused key as "Host denied": put the reason back in its place. */
  explain(error: unknown): unknown {
    return this.lastRefusal && error instanceof Error && /Host denied/i.test(error.message) ? this.lastRefusal : error;
  }
}
