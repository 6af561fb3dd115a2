// Remove a node safely, the tutorials' procedure as one action: drain → its tasks gone → demote if
// a manager (quorum-guarded) → have it leave (through an engine of that node the user can reach, a
// Docker context; otherwise the user runs `docker swarm leave` on it while we wait) → down →
// remove. One progress; stops at the first failure with its reason and the steps that ran. Force
// removal skips drain and leave, only behind a second confirmation naming the risk.
import { dockerCommand } from '../../domain/cliCommand';
import { describeDrainImpact, drainImpact } from '../../domain/drainImpact';
import type { SwarmNode } from '../../domain/model';
import { explainEngineError } from '../../domain/refusals';
import { demoteGuard } from '../../domain/roleGuard';
import { Cancelled, OperationError, proceed, refuse, type Operation, type OperationContext, type Progress } from '../operation';
import type { NodeEngine } from '../ports';
import { drainNode } from './availability';
import { currentNode, waitForNode } from './nodeUpdate';
import { demoteNode } from './role';
import { waitForView } from '../waitFor';

export interface RemoveNodeOptions {
  /** `docker node rm --force`: no drain, no leave; asked twice. */
  readonly force?: boolean;
}

function selfId(ctx: OperationContext): string | undefined {
  return ctx.view.connection.status === 'live' ? ctx.view.connection.info.nodeId : undefined;
}

export function removeNode(ctx: OperationContext, nodeId: string, options: RemoveNodeOptions = {}): Operation {
  const name = ctx.view.get('node', nodeId)?.hostname ?? nodeId;
  let engine: NodeEngine | undefined;
  return {
    title: `${options.force ? 'Force-removing' : 'Removing'} ${name}`,
    destructive: true,
    async check() {
      const node = currentNode(ctx, nodeId);
      if (node.id === selfId(ctx)) {
        return refuse(`${node.hostname} is the engine this window is connected to (${ctx.view.endpointLabel}): connect to another manager to remove it.`);
      }
      const guard = node.role === 'manager' ? demoteGuard(node, ctx.view.all('node')) : undefined;
      if (guard?.kind === 'refuse') return refuse(guard.reason);
      const demote = guard?.kind === 'allow' ? `Demote it: ${guard.numbers}${guard.warning ? ` ${guard.warning}` : ''}` : undefined;
      const risky = guard?.kind === 'allow' && guard.warning
        ? [{ message: `Removing ${node.hostname} leaves ${ctx.cluster} with an unsafe number of managers.`, detail: `${guard.numbers}\n${guard.warning}`, action: 'Remove anyway' }] : [];
      if (options.force) {
        return proceed({ message: `Force-remove ${node.hostname} from ${ctx.cluster}?`, detail: [demote, 'Remove it with --force, without draining it or having it leave.'].filter(Boolean).join('\n'), action: 'Continue' },
          { message: `Really force-remove ${node.hostname}? It is ${node.state}.`,
            detail: node.state === 'down'
              ? 'A down node is removed as is; its tasks are rescheduled already.'
              : `${node.hostname} still runs: its containers keep running outside the swarm's control, and it will not be able to reconnect (it must leave and join again). Prefer the safe removal.`,
            action: 'Force Remove' }, ...risky);
      }
      if (node.state === 'down') {
        return proceed({ message: `Remove ${node.hostname} from ${ctx.cluster}?`, detail: [demote, `${node.hostname} is down; it is removed from the node list.`].filter(Boolean).join('\n'), action: 'Remove' }, ...risky);
      }
      engine = await ctx.engines?.find(node.id);
      const steps = [
        node.availability === 'drain' ? undefined : `Drain it: ${describeDrainImpact(drainImpact(node, ctx.view.all('service'), ctx.view.all('task'), ctx.view.all('node')))}.`,
        demote,
        engine ? `Have it leave the swarm through ${engine.label}.` : `Have it leave: no Docker context reaches ${node.hostname}, so you run "docker swarm leave" on it while this waits.`,
        'Wait until it is down, then remove it.',
      ].filter((s): s is string => s !== undefined);
      return proceed({ message: `Remove ${node.hostname} from ${ctx.cluster}?`, detail: steps.map((s, i) => `${i + 1}. ${s}`).join('\n'), action: 'Remove' }, ...risky);
    },
    async run(progress, signal) {
      const node = currentNode(ctx, nodeId);
      const done: string[] = [];
      const step = async (label: string, work: (p: Progress) => Promise<unknown>): Promise<void> => {
        try {
          await work({ report: (m) => progress.report(`${label}: ${m}`) });
        } catch (e) {
          if (e instanceof Cancelled) throw new Cancelled([...done, ...e.steps.filter((s) => !done.includes(s))]);
          const x = e instanceof OperationError ? e : explainEngineError(e, ctx.api.endpointLabel);
          throw new OperationError(`${label} failed: ${x.message}`, x.meaning, x.next, done);
        }
        done.push(label);
      };
      const safe = !options.force && node.state !== 'down';
      if (safe && node.availability !== 'drain') await step(`drain ${node.hostname}`, (p) => drainNode(ctx, node.id).run(p, signal));
      if (node.role === 'manager') await step(`demote ${node.hostname}`, (p) => demoteIfNeeded(ctx, node, p, signal));
      if (safe) {
        await step(`${node.hostname} leaves the swarm`, (p) => leave(ctx, node, engine, p, signal, done));
        await step(`${node.hostname} is down`, () => waitForNode(ctx, node.id, (n) => n.state === 'down', `${node.hostname} down`, signal, done));
      }
      await step(`remove ${node.hostname}`, async (p) => {
        ctx.log.cli(dockerCommand('node', 'rm', options.force && '--force', node.hostname));
        await ctx.api.removeNode(node.id, options.force === true, signal);
        p.report('waiting for the swarm to show it');
        await waitForView(ctx.view, { check: () => (ctx.view.get('node', node.id) ? undefined : true), timeoutMs: ctx.waitMs, signal, steps: done,
          timedOut: () => new OperationError(`${node.hostname} is still listed.`, 'The Engine accepted the removal but the list has not shown it yet.', 'Refresh the view.', done) });
      });
      return { message: `${node.hostname} was removed from ${ctx.cluster} (${done.join(', ')}).` };
    },
  };
}

/** Demotes through the demote operation (its guard ran in our check; it runs again on fresh data). */
async function demoteIfNeeded(ctx: OperationContext, node: SwarmNode, progress: Progress, signal: AbortSignal): Promise<void> {
  const op = demoteNode(ctx, node.id);
  const check = await op.check();
  if (check.kind === 'refuse') throw new OperationError(check.reason, 'Demoting it now would endanger the swarm.', 'Fix the managers first.');
  await op.run(progress, signal);
}

async function leave(ctx: OperationContext, node: SwarmNode, engine: NodeEngine | undefined, progress: Progress, signal: AbortSignal, done: readonly string[]): Promise<void> {
  const found = engine ?? await ctx.engines?.find(node.id, signal);
  if (found) {
    ctx.log.cli(dockerCommand('-H', found.api.endpointLabel, 'swarm', 'leave'));
    await found.api.leaveSwarm(false, signal);
    return;
  }
  const hint = `Run "docker swarm leave" on ${node.hostname} (${node.addr}); waiting for it to go down.`;
  ctx.log.note(hint);
  progress.report(hint);
  await waitForNode(ctx, node.id, (n) => n.state === 'down', `${node.hostname} down (after "docker swarm leave" on it)`, signal, done);
}
