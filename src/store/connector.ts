// Opening a connection to a swarm, and failing over to another manager of the same swarm.
// Each attempt pings first: a daemon that does not answer `/_ping` is down (move on to another
// manager); one that answers but whose cluster calls hang or say "no leader" is a swarm without a
// leader for now (an election; staying is right, every manager would say the same).
import { classifyError, infoProblem, isTimeout, leaderLost, SwarmProblem } from '../domain/errors';
import type { SwarmInfo } from '../domain/model';
import type { EventHandlers, EventSubscription, SwarmApi } from './swarmApi';

export interface Connected {
  readonly api: SwarmApi;
  readonly info: SwarmInfo;
  readonly subscription: EventSubscription;
}

/** The daemon itself did not answer its ping. */
export class ManagerDown extends Error {
  constructor(override readonly cause: unknown) { super(cause instanceof Error ? cause.message : String(cause)); }
  /** Keeps the socket error's code, so that it is classified as what it is (refused, timed out...). */
  get code(): unknown { return (this.cause as { code?: unknown } | null)?.code; }
}

export interface OpenOptions {
  /** The swarm the store follows: another cluster's manager is refused. */
  readonly clusterId?: string;
  readonly signal: AbortSignal;
  /** When the current outage began, for the election wording. */
  readonly outageSince: number;
  readonly now: () => number;
  /** Stream handlers for a connection through this api. */
  handlers(api: SwarmApi): EventHandlers;
}

async function open(api: SwarmApi, o: OpenOptions): Promise<Connected> {
  try {
    await api.ping({ signal: o.signal });
  } catch (err) {
    // Only a daemon that cannot be reached is "down"; a refused TLS certificate or ssh host key is not a reason to move.
    if (classifyError(err, api.endpointLabel).kind === 'unreachable') throw new ManagerDown(err);
    throw err;
  }
  let info: SwarmInfo;
  try {
    info = await api.info({ signal: o.signal });
  } catch (err) {
    // The daemon answers its ping but not /info: a manager waiting for a leader does exactly that.
    if (isTimeout(err)) throw new SwarmProblem(leaderLost(api.endpointLabel, o.outageSince, o.now()));
    throw err;
  }
  const problem = infoProblem(info, api.endpointLabel);
  if (problem) throw new SwarmProblem(problem.kind === 'no-quorum' ? leaderLost(api.endpointLabel, o.outageSince, o.now()) : problem);
  if (o.clusterId && info.clusterId && info.clusterId !== o.clusterId) {
    throw new SwarmProblem({ kind: 'api', message: `${api.endpointLabel} is a manager of another swarm (cluster ${info.clusterId}, not ${o.clusterId}).`,
      hint: 'List only managers of one swarm in swarm.failoverEndpoints.' });
  }
  const subscription = await api.subscribeEvents(o.handlers(api), { signal: o.signal });
  return { api, info, subscription };
}

/**
 * Opens through `current`; if its daemon is down and the swarm is known, through the first of
 * `alternates` that answers as a manager of that swarm. Rejects with the most telling failure:
 * an alternate's "electing a leader" over the current manager's "not reachable".
 */
export async function connectSwarm(current: SwarmApi, alternates: readonly SwarmApi[], o: OpenOptions): Promise<Connected> {
  try {
    return await open(current, o);
  } catch (err) {
    if (!(err instanceof ManagerDown) || !o.clusterId) throw err;
    let best: unknown = err;
    // Ping every candidate at once (a dead one costs a whole deadline), then open the live ones in order.
    const candidates = alternates.filter((a) => a.endpointLabel !== current.endpointLabel);
    const alive = await Promise.all(candidates.map((a) => a.ping({ signal: o.signal }).then(() => true, () => false)));
    for (const [i, api] of candidates.entries()) {
      if (o.signal.aborted || !alive[i]) continue;
      try {
        return await open(api, o);
      } catch (e) {
        const kind = classifyError(e, api.endpointLabel).kind;
        if (kind === 'electing' || kind === 'no-quorum') best = e;
      }
    }
    throw best;
  }
}
