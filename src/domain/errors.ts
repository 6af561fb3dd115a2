// What went wrong talking to a swarm, in words an operator can act on. Pure: classifies the
// shapes Node sockets and the Engine API produce (error codes, HTTP status, Engine messages).
import type { SwarmInfo } from './model';

export type SwarmErrorKind =
  | 'unreachable'   // nothing listens at the endpoint, or the connection broke
  | 'permission'    // the socket exists but we may not open it
  | 'tls'           // certificate problems
  | 'not-swarm'     // the engine is not part of a swarm
  | 'worker'        // the engine is a worker: it cannot answer cluster calls
  | 'electing'      // the leader was lost moments ago: managers are electing a new one
  | 'no-quorum'     // the swarm has no leader
  | 'host-key'      // ssh: the host's key is unknown, or differs from the one in known_hosts
  | 'locked'        // autolock: the swarm must be unlocked
  | 'api';          // any other Engine answer

export interface SwarmError {
  readonly kind: SwarmErrorKind;
  /** What happened, naming the endpoint and the cause. */
  readonly message: string;
  /** What the user can do next. */
  readonly hint: string;
}

/** A SwarmError raised on purpose (e.g. the engine is a worker), not classified from a socket error. */
export class SwarmProblem extends Error {
  constructor(readonly problem: SwarmError) { super(problem.message); }
}

/** The call did not answer within its deadline (the adapters' timeouts carry this code). */
export function isTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ETIMEDOUT';
}

interface ErrorShape { code?: unknown; statusCode?: unknown; message?: unknown; json?: unknown; reason?: unknown; name?: unknown; hint?: unknown }

/** The Engine's own message (`{"message": …}` of an error answer), else the error's message. */
export function engineMessage(error: unknown): string {
  const err = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorShape;
  const json = err.json as { message?: unknown } | null | undefined;
  if (json && typeof json.message === 'string') return json.message;
  return typeof err.message === 'string' ? err.message : String(err);
}

const NOT_MANAGER = /not a swarm manager/i;
const NO_LEADER = /does not have a leader/i;
const WORKER_HINT = /worker nodes can't be used|promote the current node/i;

export function classifyError(error: unknown, endpoint: string): SwarmError {
  if (error instanceof SwarmProblem) return error.problem;
  const err = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorShape;
  const code = typeof err.code === 'string' ? err.code : '';
  const msg = engineMessage(err);
  if (code === 'EACCES' || code === 'EPERM') {
    return { kind: 'permission', message: `Permission denied on the Docker socket ${endpoint}.`,
      hint: 'Add your user to the "docker" group (then log in again), or point swarm.dockerHost at an endpoint you may use.' };
  }
  if (err.name === 'HostKeyError') {
    return { kind: 'host-key', message: msg, hint: typeof err.hint === 'string' ? err.hint : 'Check the host key with the administrator of that host.' };
  }
  if (err.name === 'UnsupportedEngine') {
    return { kind: 'api', message: `${msg}.`, hint: 'Upgrade that engine to Docker 20.10 or newer, or connect to one that is.' };
  }
  if (err.name === 'EngineTimeout') {
    return { kind: 'unreachable', message: `${msg}.`,
      hint: 'The daemon or the network to it hangs. It is retried by itself; check the host, or raise swarm.engine.timeoutSeconds for a slow link.' };
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
  if (NO_LEADER.test(msg)) return noQuorumError(endpoint);
  // Not any message with "locked" in it: a wrong unlock key is answered "swarm could not be unlocked".
  if (/swarm is encrypted and needs to be unlocked|\bswarm is locked\b/i.test(msg)) {
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

function noQuorumError(endpoint: string): SwarmError {
  return { kind: 'no-quorum', message: `The swarm does not have a leader (asked ${endpoint}): too few managers are online for a Raft majority.`,
    hint: 'Bring managers back online until more than half are reachable; as a last resort, run "docker swarm init --force-new-cluster" on a healthy manager.' };
}

/** How long a lost leader reads as an election in progress (one takes ~15 s) before it reads as lost quorum. */
export const ELECTION_GRACE_MS = 30_000;

/**
 * The manager answers, but the cluster does not (calls hang, or "does not have a leader"): for the
 * first ELECTION_GRACE_MS of the outage that is an election, with the time it has taken so far;
 * past that, the swarm has lost its quorum.
 */
export function leaderLost(endpoint: string, outageSince: number, now: number): SwarmError {
  const elapsed = Math.max(0, now - outageSince);
  if (elapsed >= ELECTION_GRACE_MS) return noQuorumError(endpoint);
  return { kind: 'electing', message: `The swarm is electing a leader (${Math.floor(elapsed / 1000)} s so far; asked ${endpoint}).`,
    hint: 'An election takes ~15 s; the view catches up by itself once a leader is elected.' };
}

/** The error to show now for a stale state: a leader loss ages from an election into lost quorum. */
export function currentError(error: SwarmError, outageSince: number, now: number, endpoint: string): SwarmError {
  return error.kind === 'electing' || error.kind === 'no-quorum' ? leaderLost(endpoint, outageSince, now) : error;
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
    case 'active':
      if (!info.controlAvailable) return workerError(endpoint);
      // A manager without quorum still answers /info, with the raft error in Swarm.Error.
      return NO_LEADER.test(info.error) ? noQuorumError(endpoint) : undefined;
  }
}
