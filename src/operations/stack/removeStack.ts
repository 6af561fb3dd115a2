// Remove stack (`docker stack rm NAME`) through the API: its services first, then its networks,
// secrets and configs — everything labelled com.docker.stack.namespace=NAME. Unlike the CLI, which
// goes on past a failure, it stops at the first one and says what was removed, so nothing is left
// half-done silently.
import { dockerCommand } from '../../domain/cliCommand';
import { stackOf, type Kind } from '../../domain/model';
import { explainEngineError } from '../../domain/refusals';
import { describeContents, isEmptyStack, stackContents, stackRemovalConfirmation, type StackContents } from '../../domain/stackRemoval';
import { Cancelled, OperationError, proceed, refuse, throwIfAborted, type Operation, type OperationContext } from '../operation';
import { waitForPresence } from '../presence';

export function contentsOf(ctx: OperationContext, namespace: string): StackContents {
  const v = ctx.view;
  return stackContents(namespace, { services: v.all('service'), networks: v.all('network'), secrets: v.all('secret'), configs: v.all('config') });
}

/** Every stack namespace with something labelled with it (a stack may have lost its services). */
export function stackNamespaces(ctx: OperationContext): string[] {
  const v = ctx.view;
  const names = new Set<string>();
  for (const s of v.all('service')) if (s.stack) names.add(s.stack);
  for (const kind of ['network', 'secret', 'config'] as const) {
    for (const o of v.all(kind)) { const ns = stackOf(o.labels); if (ns) names.add(ns); }
  }
  return [...names].sort();
}

export function removeStack(ctx: OperationContext, namespace: string): Operation {
  return {
    title: `Removing stack ${namespace}`,
    destructive: true,
    check() {
      const contents = contentsOf(ctx, namespace);
      if (isEmptyStack(contents)) return refuse(`Nothing found in stack ${namespace} on ${ctx.cluster}.`);
      const words = stackRemovalConfirmation(contents, ctx.view.all('task'), ctx.cluster);
      return proceed({ ...words, action: 'Remove Stack' });
    },
    async run(progress, signal) {
      const contents = contentsOf(ctx, namespace);
      ctx.log.cli(dockerCommand('stack', 'rm', namespace));
      const steps: string[] = [];
      const queue: { kind: Kind; id: string; name: string; remove: (s: AbortSignal) => Promise<void> }[] = [
        ...contents.services.map((o) => ({ kind: 'service' as const, id: o.id, name: o.name, remove: (s: AbortSignal) => ctx.api.removeService(o.id, s) })),
        ...contents.networks.map((o) => ({ kind: 'network' as const, id: o.id, name: o.name, remove: (s: AbortSignal) => ctx.api.removeNetwork(o.id, s) })),
        ...contents.secrets.map((o) => ({ kind: 'secret' as const, id: o.id, name: o.name, remove: (s: AbortSignal) => ctx.api.removeSecret(o.id, s) })),
        ...contents.configs.map((o) => ({ kind: 'config' as const, id: o.id, name: o.name, remove: (s: AbortSignal) => ctx.api.removeConfig(o.id, s) })),
      ];
      for (const [i, item] of queue.entries()) {
        throwIfAborted(signal, steps);
        progress.report(`removing ${item.kind} ${item.name}`, i / queue.length);
        try {
          await item.remove(signal);
          // Networks go once the store no longer shows the stack's services.
          if (item.kind === 'service' && queue[i + 1]?.kind !== 'service') {
            for (const s of contents.services) await waitForPresence(ctx, 'service', s.id, false, `service ${s.name} removed`, signal, steps);
          }
        } catch (e) {
          throw failed(ctx, e, `${item.kind} ${item.name}`, steps, namespace);
        }
        steps.push(`removed ${item.kind} ${item.name}`);
      }
      return { message: `Stack ${namespace} removed: ${describeContents(contents)}.` };
    },
  };
}

function failed(ctx: OperationContext, e: unknown, what: string, steps: readonly string[], namespace: string): Error {
  if (e instanceof Cancelled) return new Cancelled(steps);
  const x = e instanceof OperationError ? e : explainEngineError(e, ctx.api.endpointLabel);
  const left = `What is left of stack ${namespace} is still there; run Remove stack again once the cause is fixed.`;
  return new OperationError(`Removing ${what} failed: ${x.message}`, x.meaning, `${left} ${x.next}`, steps);
}
