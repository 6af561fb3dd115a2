// What the swarm actions (init, join, leave, unlock) share: they act on the engine of the endpoint
// itself, whose swarm state the store reports through its connection (live manager, or a problem
// naming a worker, an engine outside any swarm, a locked swarm). After the call the store connects
// again at once, and the action ends when its connection shows the new state.
import type { SwarmErrorKind } from '../../domain/errors';
import type { ConnectionState } from '../../store/types';
import { OperationError, type OperationContext } from '../operation';
import { waitForView } from '../waitFor';

export type Membership = 'manager' | 'worker' | 'none' | 'locked' | 'unknown';

const BY_KIND: Partial<Record<SwarmErrorKind, Membership>> = { worker: 'worker', 'not-swarm': 'none', locked: 'locked' };

export function membership(c: ConnectionState): Membership {
  if (c.status === 'live') return 'manager';
  if (c.status === 'stale') return BY_KIND[c.error.kind] ?? 'unknown';
  return 'unknown';
}

export const MEMBERSHIP_TEXT: Readonly<Record<Membership, string>> = {
  manager: 'a manager of a swarm', worker: 'a worker of a swarm', none: 'not in a swarm', locked: 'in a locked swarm', unknown: 'not reachable right now',
};

/** Reconnects the store now and resolves once its connection shows one of `wanted`. */
export async function waitForMembership(ctx: OperationContext, wanted: readonly Membership[], signal: AbortSignal): Promise<Membership> {
  void ctx.view.refresh().catch(() => undefined);
  return waitForView(ctx.view, {
    check: () => { const m = membership(ctx.view.connection); return wanted.includes(m) ? m : undefined; },
    timeoutMs: ctx.waitMs, signal,
    timedOut: () => new OperationError(`${ctx.view.endpointLabel} does not report the expected swarm state (it is ${MEMBERSHIP_TEXT[membership(ctx.view.connection)]}).`,
      'The Engine accepted the request, but its swarm state has not settled yet.', 'Reconnect in a moment.'),
  });
}
