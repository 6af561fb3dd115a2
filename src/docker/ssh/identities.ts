// Which keys an ssh:// connection offers, in ssh's order: the agent's (SSH_AUTH_SOCK) first, then
// the default identity files that exist (ssh(1) -i: id_rsa, id_ecdsa, id_ed25519, id_dsa; the
// security-key kinds need hardware ssh2 cannot drive). ssh2 skips a key it cannot use (a
// passphrase-protected file: load it into ssh-agent, as `ssh-add` would, to use it).
import * as nodePath from 'node:path';

const DEFAULT_IDENTITIES = ['id_rsa', 'id_ecdsa', 'id_ed25519', 'id_dsa'];

/** ssh2's authHandler entries (its "simple" array form). */
export type AuthMethod =
  | { readonly type: 'agent'; readonly username: string; readonly agent: string }
  | { readonly type: 'publickey'; readonly username: string; readonly key: Buffer };

export function authMethods(username: string, agentSocket: string | undefined, homedir: string, readKey: (path: string) => Buffer | undefined): AuthMethod[] {
  const out: AuthMethod[] = [];
  if (agentSocket) out.push({ type: 'agent', username, agent: agentSocket });
  for (const name of DEFAULT_IDENTITIES) {
    const key = readKey(nodePath.join(homedir, '.ssh', name));
    if (key) out.push({ type: 'publickey', username, key });
  }
  return out;
}
