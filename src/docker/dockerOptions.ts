// Turns a resolved Endpoint into dockerode (docker-modem) options (./modem builds the client, with
// nothing taken from the environment), and builds the real ResolveInput from the process. The impure edge of ./endpoint: reads files and the environment.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import type * as http from 'node:http';
import * as https from 'node:https';
import * as os from 'node:os';
import type { DockerOptions } from 'dockerode';
import type { Endpoint, ResolveInput } from './endpoint';
import { DialStdioAgent } from './ssh/dialStdioAgent';
import type { HostKeyPolicy } from './ssh/hostKeyPolicy';
import type { AuthMethod } from './ssh/identities';

/** docker-modem also forwards `agent` to http(s).request, which @types/dockerode leaves out. */
export type ModemOptions = DockerOptions & { agent?: http.Agent };

/** How an ssh:// endpoint checks host keys and which keys it offers (see ./ssh). */
export interface SshSetup {
  readonly policy: HostKeyPolicy;
  auth(username: string): AuthMethod[];
}

export function toDockerOptions(e: Endpoint, readFile: (p: string) => Buffer = (p) => fs.readFileSync(p), ssh?: SshSetup): ModemOptions {
  switch (e.kind) {
    case 'unix':
    case 'npipe':
      return { socketPath: e.path };
    case 'tcp': {
      const tls = e.tls;
      if (!tls) return { protocol: 'http', host: e.host, port: e.port };
      return {
        protocol: 'https', host: e.host, port: e.port,
        ca: tls.ca === undefined ? undefined : readFile(tls.ca),
        cert: tls.cert === undefined ? undefined : readFile(tls.cert),
        key: tls.key === undefined ? undefined : readFile(tls.key),
        // docker-modem has no rejectUnauthorized option, but Node lets an agent's own options
        // override the request's, so an agent turns verification off.
        ...(tls.verify ? {} : { agent: new https.Agent({ rejectUnauthorized: false }) }),
      };
    }
    case 'ssh': {
      if (!ssh) throw new Error('an ssh:// endpoint needs an SshSetup');
      // Plain HTTP over our own agent, whose connections run "docker system dial-stdio" over
      // ssh2 (not docker-modem's ssh agent: see ./ssh/dialStdioAgent). ssh2 requires a user name:
      // fall back to the local user as ssh itself does.
      const username = e.username ?? localUser() ?? '';
      return {
        protocol: 'http', host: e.host, port: e.port,
        agent: new DialStdioAgent({ host: e.host, port: e.port, username,
          hostVerifier: ssh.policy.verifierFor(e.host, e.port), authHandler: ssh.auth(username) }),
      };
    }
  }
}

function localUser(): string | undefined {
  const fromEnv = process.env.USER || process.env.USERNAME;
  if (fromEnv) return fromEnv;
  try {
    return os.userInfo().username;
  } catch {
    return undefined; // no passwd entry (some containers): ssh2 will say the user name is missing
  }
}

/** The real environment for resolveEndpoint; `setting` is swarm.dockerHost. */
export function nodeResolveInput(setting?: string): ResolveInput {
  return {
    setting,
    env: process.env,
    homedir: os.homedir(),
    platform: process.platform,
    readFile(path) {
      try {
        return fs.readFileSync(path, 'utf8');
      } catch (err) {
        // Missing means "not configured"; anything else (EACCES...) is a real problem to report.
        const code = (err as { code?: unknown }).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
        throw err;
      }
    },
    exists: (path) => fs.existsSync(path),
    listDir: (path) => { try { return fs.readdirSync(path); } catch { return []; } },
    sha256: (text) => crypto.createHash('sha256').update(text).digest('hex'),
  };
}
