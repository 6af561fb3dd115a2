// Created and removed objects count as done when the store shows them so (the Engine's events bring
// secrets, configs, networks and services in within a moment), so the tree agrees with the message.
import type { Kind, ObjectOfKind } from '../domain/model';
import { OperationError, type OperationContext } from './operation';
import { waitForView } from './waitFor';

export function waitForPresence(ctx: OperationContext, kind: Kind, id: string, present: boolean, what: string,
  signal: AbortSignal, steps: readonly string[] = []): Promise<true> {
  return waitForView(ctx.view, {
    check: () => ((ctx.view.get(kind, id) !== undefined) === present ? true : undefined),
    timeoutMs: ctx.waitMs, signal, steps,
    timedOut: () => new OperationError(`The swarm did not show ${what} within ${Math.round(ctx.waitMs / 1000)} s.`,
      'The Engine accepted the request, but the cluster view has not caught up.', 'Refresh the view; if the connection was lost, reconnect.', steps),
  });
}

/** The object as the store has it, or an error saying it is gone. */
export function current<K extends Kind>(ctx: OperationContext, kind: K, id: string): ObjectOfKind[K] {
  const found = ctx.view.get(kind, id);
  if (!found) throw new OperationError(`That ${kind} is no longer on ${ctx.cluster}.`, 'It was removed meanwhile.', 'Refresh the view.');
  return found;
}
