// Drain, pause, activate (`docker node update --availability …`). Drain says what will move
// before it happens, then follows the node's tasks until none runs there; pause and activate end
// when the store shows the new availability.
import { dockerCommand } from '../../domain/cliCommand';
import { describeDrainImpact, drainImpact, liveTasksOn } from '../../domain/drainImpact';
import type { NodeAvailability, SwarmNode } from '../../domain/model';
import { withAvailability } from '../../domain/specs/nodeSpec';
import { taskName } from '../../domain/names';
import { OperationError, proceed, refuse, type Operation, type OperationContext } from '../operation';
import { waitForView } from '../waitFor';
import { changeNode, currentNode, waitForNode } from './nodeUpdate';

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function alreadyThere(node: SwarmNode, availability: NodeAvailability): string | undefined {
  if (node.availability !== availability) return undefined;
  return `${node.hostname} is ${availability === 'active' ? 'active' : availability === 'pause' ? 'paused' : 'drained'} already.`;
}

export function drainNode(ctx: OperationContext, nodeId: string): Operation {
  const name = ctx.view.get('node', nodeId)?.hostname ?? nodeId;
  return {
    title: `Draining ${name}`,
    destructive: true,
    check() {
      const node = currentNode(ctx, nodeId);
      const same = alreadyThere(node, 'drain');
      if (same) return refuse(same);
      const impact = describeDrainImpact(drainImpact(node, ctx.view.all('service'), ctx.view.all('task'), ctx.view.all('node')));
      return proceed({
        message: `Drain ${node.hostname} on ${ctx.cluster}?`,
        detail: `${capitalize(impact)}. The node stays in the swarm; no task is scheduled there until it is activated again (tasks do not move back by themselves).`,
        action: 'Drain',
      });
    },
    async run(progress, signal) {
      const node = currentNode(ctx, nodeId);
      const { view } = ctx;
      const before = drainImpact(node, view.all('service'), view.all('task'), view.all('node'));
      await changeNode(ctx, node, dockerCommand('node', 'update', '--availability', 'drain', node.hostname), (s) => withAvailability(s, 'drain'), signal);
      const initial = Math.max(1, liveTasksOn(nodeId, view.all('task')).length);
      progress.report(`set to drain; waiting for its tasks to stop`, 0);
      const steps = [`${node.hostname} set to drain`];
      let left = initial;
      await waitForView(view, {
        tasks: true, timeoutMs: ctx.waitMs, signal, steps,
        check: () => {
          const now = view.get('node', nodeId);
          if (now?.availability !== 'drain') return undefined;
          // A down node runs nothing Swarm can see stop: its tasks are rescheduled all the same.
          if (now.state === 'down') return true;
          const live = liveTasksOn(nodeId, view.all('task'));
          if (live.length !== left) { left = live.length; progress.report(`${initial - left} of ${initial} tasks left ${node.hostname}`, (initial - left) / initial); }
          return live.length === 0 ? true : undefined;
        },
        timedOut: () => {
          const live = liveTasksOn(nodeId, view.all('task'));
          const names = live.map((t) => `${taskName(t, view.get('service', t.serviceId)?.name)} (${t.state})`);
          const why = before.stranded.map((s) => s.reason);
          return new OperationError(`${node.hostname} still runs ${live.length} task${live.length === 1 ? '' : 's'} after ${Math.round(ctx.waitMs / 1000)} s: ${names.join(', ')}.`,
            why.length > 0 ? `Some tasks have nowhere else to go: ${why.join('; ')}.` : 'Their containers are still stopping (a long stop grace period, or a process that ignores SIGTERM).',
            'Wait, or check the tasks in the tree; the node stays drained.', steps);
        },
      });
      const stranded = pendingReplacements(ctx, before.moving.map((t) => t.serviceId));
      return stranded.length > 0
        ? { message: `${node.hostname} is drained, but ${stranded.length} replacement task${stranded.length === 1 ? '' : 's'} cannot be placed: ${stranded.join('; ')}.`, warning: true }
        : { message: `${node.hostname} is drained: ${describeDrainImpact(before).replace(/will be rescheduled/, 'were rescheduled').replace(/will stop/, 'stopped')}.` };
    },
  };
}

/** Tasks of these services waiting for a node, with the scheduler's reason. */
function pendingReplacements(ctx: OperationContext, serviceIds: readonly string[]): string[] {
  const ids = new Set(serviceIds);
  return ctx.view.all('task')
    .filter((t) => ids.has(t.serviceId) && t.desiredState === 'running' && t.state === 'pending')
    .map((t) => `${taskName(t, ctx.view.get('service', t.serviceId)?.name)}: ${t.error ?? t.message}`);
}

function setAvailability(ctx: OperationContext, nodeId: string, availability: 'pause' | 'active'): Operation {
  const name = ctx.view.get('node', nodeId)?.hostname ?? nodeId;
  const verb = availability === 'pause' ? 'Pause' : 'Activate';
  return {
    title: `${availability === 'pause' ? 'Pausing' : 'Activating'} ${name}`,
    destructive: false,
    check() {
      const node = currentNode(ctx, nodeId);
      const same = alreadyThere(node, availability);
      if (same) return refuse(same);
      return proceed({
        message: `${verb} ${node.hostname} on ${ctx.cluster}?`,
        detail: availability === 'pause'
          ? 'Its tasks keep running; no new task is scheduled there until it is activated.'
          : 'New tasks may be scheduled there again; running tasks elsewhere do not move back by themselves ("docker service update --force <service>" rebalances).',
        action: verb,
      });
    },
    async run(progress, signal) {
      const node = currentNode(ctx, nodeId);
      await changeNode(ctx, node, dockerCommand('node', 'update', '--availability', availability, node.hostname), (s) => withAvailability(s, availability), signal);
      progress.report('waiting for the swarm to show it');
      await waitForNode(ctx, nodeId, (n) => n.availability === availability, `${node.hostname} as ${availability}`, signal);
      return { message: availability === 'pause'
        ? `${node.hostname} is paused: its tasks keep running, no new ones are scheduled there.`
        : `${node.hostname} is active: new tasks may be scheduled there.` };
    },
  };
}

export const pauseNode = (ctx: OperationContext, nodeId: string): Operation => setAvailability(ctx, nodeId, 'pause');
export const activateNode = (ctx: OperationContext, nodeId: string): Operation => setAvailability(ctx, nodeId, 'active');
