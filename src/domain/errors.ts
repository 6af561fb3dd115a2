// What went wrong talking to a swarm, in words an operator can act on. Pure: classifies the
// shapes Node sockets and the Engine API produce (error codes, HTTP status, Engine messages).
import type { SwarmInfo } from './model';

export type SwarmErrorKind =
  | 'unreachable'   // nothing listens at the endpoint, or the connection broke
  | 'permission'    // the socket exists but we may not open it
  | 'tls'           // certificate problems
  | 'not-swarm'     // the engine is not part of a swarm
  | 'worker'        // the engine is a worker: it cannot answer cluster calls
  | 'no-quorum'     // the swarm has no leader
  | 'locked'        // autolock: the swarm must be unlocked
  | 'api';          // any other Engine answer

export interface SwarmError {
  readonly kind: SwarmErrorKind;
  /** What happened, naming the endpoint and the cause. */
  readonly message: string;
  /** What the user can do next. */
  readonly hint: string;
}

interface ErrorShape { code?: unknown; statusCode?: unknown; message?: unknown; json?: unknown; reason?: unknown }

/** The Engine's own message (`{"message": …}` of an error answer), else the error's message. */
export function engineMessage(error: unknown): string {
  const err = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorShape;
  const json = err.json as { message?: unknown } | null | undefined;
  if (json && typeof json.message === 'string') return json.message;
  return typeof err.message === 'string' ? err.message : String(err);
}

const NOT_MANAGER = /not a swarm manager/i;
const WORKER_HINT = /worker nodes can't be used|promote the current node/i;

export function classifyError(error: unknown, endpoint: string): SwarmError {
  const err = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorShape;
  const code = typeof err.code === 'string' ? err.code : '';
  const msg = engineMessage(err);
  if (code === 'EACCES' || code === 'EPERM') {
    return { kind: 'permission', message: `Permission denied on the Docker socket ${endpoint}.`,
      hint: 'Add your user to the "docker" group (then log in again), or point swarm.dockerHost at an endpoint you may use.' };
  }
  if (['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH'].includes(code)
    || /socket hang up|connect ECONNREFUSED|timed out/i.test(msg)) {
    return { kind: 'unreachable', message: `The Docker daemon at ${endpoint} is not reachable (${code || msg}).`,
      hint: 'Start Docker, or set swarm.dockerHost (or DOCKER_HOST / a Docker context) to a running swarm manager.' };
  }
  if (/certificate|self[- ]signed|SSL|TLS|ERR_OSSL/i.test(code + ' ' + msg)) {
    return { kind: 'tls', message: `TLS handshake with ${endpoint} failed: ${msg}.`,
      hint: 'Check DOCKER_CERT_PATH / the context\'s TLS material (ca.pem, cert.pem, key.pem) and DOCKER_TLS_VERIFY.' };
  }
  if (/does not have a leader/i.test(msg)) {
    return { kind: 'no-quorum', message: `The swarm does not have a leader (asked ${endpoint}): too few managers are online for a Raft majority.`,
      hint: 'Bring managers back online until more than half are reachable; as a last resort, run "docker swarm init --force-new-cluster" on a healthy manager.' };
  }
  if (/swarm is encrypted and needs to be unlocked|locked/i.test(msg) && /swarm/i.test(msg)) {
    return { kind: 'locked', message: `The swarm at ${endpoint} is locked.`, hint: 'Run "docker swarm unlock" on that manager with the unlock key.' };
  }
  if (NOT_MANAGER.test(msg)) {
    return WORKER_HINT.test(msg)
      ? workerError(endpoint)
      : notSwarmError(endpoint);
  }
  const status = typeof err.statusCode === 'number' ? ` (HTTP ${err.statusCode})` : '';
  return { kind: 'api', message: `Docker at ${endpoint} answered${status}: ${msg}`, hint: 'See the message; retry once the cause is fixed.' };
}

function workerError(endpoint: string): SwarmError {
  return { kind: 'worker', message: `The engine at ${endpoint} is a swarm worker, not a manager: workers cannot read or change cluster state.`,
    hint: 'Connect to a manager (set swarm.dockerHost to a manager\'s endpoint), or promote this node from a manager.' };
}

function notSwarmError(endpoint: string): SwarmError {
  return { kind: 'not-swarm', message: `The engine at ${endpoint} is not in swarm mode.`,
    hint: 'Run "docker swarm init" to create a swarm, or "docker swarm join" to join one, or connect to a manager of an existing swarm.' };
}

/** `/info` answered, but the engine cannot serve cluster calls: say why. */
export function infoProblem(info: SwarmInfo, endpoint: string): SwarmError | undefined {
  switch (info.localNodeState) {
    case 'inactive': return notSwarmError(endpoint);
    case 'locked': return { kind: 'locked', message: `The swarm at ${endpoint} is locked.`, hint: 'Run "docker swarm unlock" on that manager with the unlock key.' };
    case 'pending': return { kind: 'api', message: `The engine at ${endpoint} is still joining its swarm.`, hint: 'Wait a few seconds; it reconnects by itself.' };
    case 'error': return { kind: 'api', message: `The engine at ${endpoint} reports a swarm error: ${info.error || 'unknown'}.`, hint: 'Check the daemon log of that node.' };
    case 'active': return info.controlAvailable ? undefined : workerError(endpoint);
  }
}
