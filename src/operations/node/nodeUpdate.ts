// What the node actions share: the node as a versioned object on the write port, one change sent
// with the docker CLI command that does the same, and a wait until the store shows the node as the
// change left it.
import type { SwarmNode } from '../../domain/model';
import type { NodeSpec } from '../../domain/specs/nodeSpec';
import { OperationError, type OperationContext } from '../operation';
import { applyChange, type Applied } from '../versionedUpdate';
import { waitForView } from '../waitFor';

export function currentNode(ctx: OperationContext, id: string): SwarmNode {
  const node = ctx.view.get('node', id);
  if (!node) throw new OperationError(`That node is no longer in the swarm of ${ctx.cluster}.`, 'It was removed meanwhile.', 'Refresh the view.');
  return node;
}

/** Sends one change of the node's spec (logged as `cli`), retried once on a version conflict. */
export function changeNode(ctx: OperationContext, node: SwarmNode, cli: string, change: (spec: NodeSpec) => NodeSpec, signal: AbortSignal): Promise<Applied<NodeSpec>> {
  ctx.log.cli(cli);
  return applyChange({
    what: `node ${node.hostname}`,
    read: (s) => ctx.api.inspectNode(node.id, s),
    write: (version, spec, s) => ctx.api.updateNode(node.id, version, spec, s),
  }, change, ctx.log, signal);
}

/** Resolves once the store shows the node with `done` true; the timeout names `what` it waited for. */
export function waitForNode(ctx: OperationContext, nodeId: string, done: (n: SwarmNode) => boolean, what: string, signal: AbortSignal, steps: readonly string[] = []): Promise<SwarmNode> {
  return waitForView(ctx.view, {
    check: () => { const n = ctx.view.get('node', nodeId); return n && done(n) ? n : undefined; },
    timeoutMs: ctx.waitMs, signal, steps, watch: ['node'],
    timedOut: () => new OperationError(`The swarm did not show ${what} within ${Math.round(ctx.waitMs / 1000)} s.`,
      'The Engine accepted the change, but the cluster has not reported the result yet.', 'Check the node in the tree; refresh if the connection was lost.', steps),
  });
}
