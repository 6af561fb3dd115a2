// Create a service from the guided input (`docker service create …`, shown before it runs), then
// follow it until it converges.
import type { SwarmNode } from '../../domain/model';
import { meetsConstraint } from '../../domain/placement';
import { createServiceCommand, createServiceSpec, type CreateServiceInput } from '../../domain/serviceCreate';
import { validateConstraint, validateEnv, validateImage, validatePortNumber, validateReplicas, validateServiceName } from '../../domain/validate/serviceInput';
import { OperationError, proceed, refuse, type Operation, type OperationContext } from '../operation';
import { waitForView } from '../waitFor';
import { waitUntilConverged } from './converge';

/** Every validation of the guided input, again, on the whole (the steps validated each part). */
export function createProblem(input: CreateServiceInput, takenNames: readonly string[]): string | undefined {
  return validateServiceName(input.name, takenNames) ?? validateImage(input.image)
    ?? (input.mode.kind === 'replicated' ? validateReplicas(String(input.mode.replicas)) : undefined)
    ?? input.env.map(validateEnv).find(Boolean) ?? validateConstraint(input.constraint ?? '')
    ?? input.ports.map((p) => validatePortNumber(p.TargetPort) ?? validatePortNumber(p.PublishedPort, true)).find(Boolean);
}

function placementNote(input: CreateServiceInput, nodes: readonly SwarmNode[]): string | undefined {
  if (!input.constraint) return undefined;
  const fits = nodes.filter((n) => n.availability === 'active' && meetsConstraint(n, input.constraint ?? ''));
  return fits.length === 0 ? `No active node meets ${input.constraint} now: its tasks will stay pending until one does.`
    : `${fits.length} node${fits.length === 1 ? '' : 's'} meet${fits.length === 1 ? 's' : ''} ${input.constraint}: ${fits.map((n) => n.hostname).sort().join(', ')}.`;
}

export function createService(ctx: OperationContext, input: CreateServiceInput): Operation {
  return {
    title: `Creating ${input.name}`,
    destructive: false,
    check() {
      const problem = createProblem(input, ctx.view.all('service').map((s) => s.name));
      if (problem) return refuse(problem);
      return proceed({ message: `Create service ${input.name} on ${ctx.cluster}?`,
        detail: [createServiceCommand(input), placementNote(input, ctx.view.all('node'))].filter(Boolean).join('\n\n'), action: 'Create' });
    },
    async run(progress, signal) {
      ctx.log.cli(createServiceCommand(input));
      const { id, warnings } = await ctx.api.createService(createServiceSpec(input), signal);
      for (const w of warnings) ctx.log.note(`Engine warning: ${w}`);
      progress.report('created; following its tasks');
      await waitForView(ctx.view, { check: () => ctx.view.get('service', id), timeoutMs: ctx.waitMs, signal,
        timedOut: () => new OperationError(`${input.name} was created but is not listed yet.`, 'The list has not caught up.', 'Refresh the view.') });
      const c = await waitUntilConverged(ctx, { serviceId: id, fromVersion: 0, progress, signal, steps: [`${input.name} created`] });
      return { message: `${input.name} was created on ${ctx.cluster}: ${c.progress.done}/${c.progress.target} running.` };
    },
  };
}
