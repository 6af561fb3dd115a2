// OpenSSH's known_hosts, read and written as ssh does (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"):
// `[marker] hostpatterns keytype base64-key [comment]`, where a host on a port other than 22 is
// written `[host]:port`, patterns are comma-separated with `*`, `?` and `!` negation, and a hashed
// entry is `|1|base64(salt)|base64(HMAC-SHA1(salt, host))`. Pure: text in, verdicts and lines out.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { matchPatternList } from './patterns';

/** One known_hosts file: where it is and what it says. */
export interface KnownHostsFile {
  readonly path: string;
  readonly text: string;
}

/** Where an entry is: `file:line`, as ssh reports an offending key. */
export interface Place {
  readonly path: string;
  readonly line: number;
}

interface Entry extends Place {
  readonly marker?: 'cert-authority' | 'revoked';
  readonly hosts: string;
  readonly keyType: string;
  readonly key: string;
}

export type HostKeyVerdict =
  | { readonly status: 'known' }
  /** A key is on record for this host with this key type, and it is another one. */
  | { readonly status: 'changed'; readonly at: Place }
  /** The key is marked @revoked. */
  | { readonly status: 'revoked'; readonly at: Place }
  /** Nothing on record; `otherTypes` are key types on record for the host, if any. */
  | { readonly status: 'unknown'; readonly otherTypes: readonly string[] };

/** How ssh names a host in known_hosts. */
export function hostToken(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** How ssh names a key type in its messages: ED25519, ECDSA, RSA. */
export function keyTypeName(keyType: string): string {
  if (keyType === 'ssh-ed25519') return 'ED25519';
  if (keyType.startsWith('ecdsa-')) return 'ECDSA';
  if (keyType === 'ssh-rsa') return 'RSA';
  return keyType;
}

/** The key type inside an SSH public key blob (its first length-prefixed string). */
export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return '';
  const n = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + n).toString('latin1');
}

/** ssh's fingerprint: `SHA256:` and the unpadded base64 of the blob's SHA-256. */
export function fingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

function parse({ path, text }: KnownHostsFile): Entry[] {
  const out: Entry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const fields = raw.trim().split(/\s+/);
    if (!fields[0] || fields[0].startsWith('#')) return;
    let marker: Entry['marker'];
    if (fields[0].startsWith('@')) {
      const m = fields.shift();
      if (m === '@cert-authority') marker = 'cert-authority';
      else if (m === '@revoked') marker = 'revoked';
      else return; // an unknown marker: ssh ignores the line
    }
    const [hosts, keyType, key] = fields;
    if (hosts && keyType && key) out.push({ path, line: i + 1, ...(marker ? { marker } : {}), hosts, keyType, key });
  });
  return out;
}

function matchHashed(entry: string, token: string): boolean {
  const [, magic, salt, hash] = entry.split('|');
  if (magic !== '1' || !salt || !hash) return false;
  return createHmac('sha1', Buffer.from(salt, 'base64')).update(token).digest('base64') === hash;
}

function matchesHost(e: Entry, token: string): boolean {
  return e.hosts.startsWith('|') ? matchHashed(e.hosts, token) : matchPatternList(e.hosts.split(','), token);
}

/** What the files (in ssh's reading order) say of `key` for the host `token`. */
export function checkHostKey(files: readonly KnownHostsFile[], token: string, key: Buffer): HostKeyVerdict {
  const type = keyTypeOf(key);
  const b64 = key.toString('base64');
  const entries = files.flatMap(parse).filter((e) => matchesHost(e, token) || (e.marker === 'revoked' && e.key === b64));
  const revoked = entries.find((e) => e.marker === 'revoked' && e.key === b64);
  if (revoked) return { status: 'revoked', at: { path: revoked.path, line: revoked.line } };
  const plain = entries.filter((e) => !e.marker);
  if (plain.some((e) => e.keyType === type && e.key === b64)) return { status: 'known' };
  const sameType = plain.find((e) => e.keyType === type);
  if (sameType) return { status: 'changed', at: { path: sameType.path, line: sameType.line } };
  return { status: 'unknown', otherTypes: [...new Set(plain.map((e) => e.keyType))] };
}

/** The line ssh appends when the user accepts a host key (hashed when HashKnownHosts is on). */
export function knownHostsLine(token: string, key: Buffer, hashed: boolean, salt: Buffer = randomBytes(20)): string {
  const name = hashed ? `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(token).digest('base64')}` : token;
  return `${name} ${keyTypeOf(key)} ${key.toString('base64')}`;
}
