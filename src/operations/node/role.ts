// Promote and demote (`docker node promote|demote`), behind the quorum guard of src/domain/roleGuard.
// Demoting the leader starts an election: the managers may not answer for ~15 s, which is waited
// out with progress, not reported as an error. Demoting the node the extension talks to leaves an
// endpoint that can no longer read the cluster: said before and after.
import { dockerCommand } from '../../domain/cliCommand';
import { classifyError } from '../../domain/errors';
import type { NodeRole, SwarmNode } from '../../domain/model';
import { unansweredWrite } from '../../domain/refusals';
import { demoteGuard, promoteGuard } from '../../domain/roleGuard';
import { withRole } from '../../domain/specs/nodeSpec';
import { OperationError, proceed, refuse, type Confirmation, type Operation, type OperationContext } from '../operation';
import { waitForView } from '../waitFor';
import { changeNode, currentNode } from './nodeUpdate';

/** The engine the extension talks to, when the store knows it. */
function selfId(ctx: OperationContext): string | undefined {
  const c = ctx.view.connection;
  return c.status === 'live' ? c.info.nodeId : undefined;
}

const ELECTION = 'A new leader will be elected: the managers may not answer for about 15 s.';

function isReachableManager(n: SwarmNode): boolean {
  return n.role === 'manager' && (n.managerStatus?.leader === true || n.managerStatus?.reachability === 'reachable');
}

function changeRole(ctx: OperationContext, nodeId: string, role: NodeRole): Operation {
  const promote = role === 'manager';
  const name = ctx.view.get('node', nodeId)?.hostname ?? nodeId;
  let wasLeader = false;
  let wasSelf = false;
  return {
    title: `${promote ? 'Promoting' : 'Demoting'} ${name}`,
    destructive: !promote,
    check() {
      const node = currentNode(ctx, nodeId);
      const verdict = (promote ? promoteGuard : demoteGuard)(node, ctx.view.all('node'));
      if (verdict.kind === 'refuse') return refuse(verdict.reason);
      wasLeader = node.managerStatus?.leader === true;
      wasSelf = node.id === selfId(ctx);
      const notes = [verdict.numbers];
      if (!promote && wasLeader) notes.push(`${node.hostname} is the leader. ${ELECTION}`);
      if (!promote && wasSelf) notes.push(`${node.hostname} is the engine this window is connected to (${ctx.view.endpointLabel}): once a worker it cannot read the cluster; connect to another manager afterwards.`);
      const warnings: Confirmation[] = verdict.warning
        ? [{ message: `${promote ? 'Promoting' : 'Demoting'} ${node.hostname} leaves ${ctx.cluster} with an unsafe number of managers.`, detail: `${verdict.numbers}\n${verdict.warning}`, action: promote ? 'Promote anyway' : 'Demote anyway' }]
        : [];
      return proceed({ message: `${promote ? 'Promote' : 'Demote'} ${node.hostname} to ${role} on ${ctx.cluster}?`, detail: notes.join('\n'), action: promote ? 'Promote' : 'Demote' }, ...warnings);
    },
    async run(progress, signal) {
      const node = currentNode(ctx, nodeId);
      const leader = node.managerStatus?.leader === true;
      try {
        await changeNode(ctx, node, dockerCommand('node', promote ? 'promote' : 'demote', node.hostname), (s) => withRole(s, role), signal);
      } catch (e) {
        // The leader may step down before its answer gets out, and a Raft group that is still taking
        // in the last member may answer late (seen: 17 s for the CLI too): the store tells whether it happened.
        const kind = classifyError(e, ctx.view.endpointLabel).kind;
        if (!unansweredWrite(e) && !(leader && (kind === 'unreachable' || kind === 'no-quorum'))) throw e;
        ctx.log.note(`No answer in time while the managers change; following the cluster for the result.`);
      }
      progress.report(leader && !promote ? ELECTION : promote ? `waiting for ${node.hostname} to join the Raft group` : `waiting for ${node.hostname} to leave the Raft group`);
      const steps = [`${node.hostname} ${promote ? 'promoted' : 'demoted'}`];
      const result = await waitForView(ctx.view, {
        timeoutMs: ctx.waitMs, signal, steps, watch: ['node'],
        check: () => {
          const c = ctx.view.connection;
          // Demoted ourselves: the endpoint now answers as a worker, the store says so.
          if (wasSelf && !promote && c.status === 'stale' && c.error.kind === 'worker') return 'self';
          if (c.status !== 'live') return undefined;
          const n = ctx.view.get('node', nodeId);
          if (!n) return undefined;
          if (promote) return isReachableManager(n) && (node.state !== 'ready' || n.state === 'ready') ? 'done' : undefined;
          const newLeader = ctx.view.all('node').some((o) => o.id !== nodeId && o.managerStatus?.leader === true);
          // A demoted node restarts its agent as a worker: back to ready when it was ready.
          const settled = node.state !== 'ready' || n.state === 'ready';
          return n.role === 'worker' && n.managerStatus === undefined && settled && (!leader || newLeader) ? 'done' : undefined;
        },
        timedOut: () => new OperationError(`${node.hostname} has not ${promote ? 'joined the managers' : 'left the managers'} within ${Math.round(ctx.waitMs / 1000)} s.`,
          promote ? 'It is promoted, but has not reported itself as a reachable manager (is it up, and can it reach the others on port 2377?).'
            : 'The change was accepted, but the cluster has not reported it yet (an election may still run).',
          'Check the node in the tree.', steps),
      });
      const managers = ctx.view.all('node').filter((n) => n.role === 'manager').length;
      if (result === 'self') {
        return { message: `${node.hostname} is a worker now; ${ctx.view.endpointLabel} can no longer read the cluster: connect to another manager.`, warning: true };
      }
      const elected = leader && !promote ? ` New leader: ${ctx.view.all('node').find((n) => n.managerStatus?.leader)?.hostname ?? 'unknown'}.` : '';
      return { message: `${node.hostname} is a ${role} now; the swarm has ${managers} manager${managers === 1 ? '' : 's'}.${elected}` };
    },
  };
}

export const promoteNode = (ctx: OperationContext, nodeId: string): Operation => changeRole(ctx, nodeId, 'manager');
export const demoteNode = (ctx: OperationContext, nodeId: string): Operation => changeRole(ctx, nodeId, 'worker');
