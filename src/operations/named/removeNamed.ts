// Remove secret / Remove config (`docker secret rm NAME`): refused while a service uses it, naming
// them (SwarmKit refuses too: "secret 'x' is in use by the following service: web").
import { dockerCommand } from '../../domain/cliCommand';
import { stackOf } from '../../domain/model';
import { removalRefusal } from '../../domain/resources/usage';
import type { NamedKind } from '../../domain/resources/validate';
import { proceed, refuse, type Operation, type OperationContext } from '../operation';
import { current, waitForPresence } from '../presence';
import { opsOf } from './kinds';

export function removeNamedObject(ctx: OperationContext, kind: NamedKind, id: string): Operation {
  const ops = opsOf(kind);
  const name = ctx.view.get(kind, id)?.name ?? id;
  return {
    title: `Removing ${kind} ${name}`,
    destructive: true,
    check() {
      const object = current(ctx, kind, id);
      const refusal = removalRefusal(kind, object.name, ops.users(ctx.view.all('service'), object));
      if (refusal) return refuse(refusal);
      const stack = stackOf(object.labels);
      return proceed({
        message: `Remove ${kind} ${object.name} from ${ctx.cluster}?`,
        detail: `No service uses it. ${ops.lost}${stack ? ` It belongs to stack ${stack}: deploying the stack again re-creates it from its file.` : ''}`,
        action: 'Remove',
      });
    },
    async run(progress, signal) {
      const object = current(ctx, kind, id);
      ctx.log.cli(dockerCommand(kind, 'rm', object.name));
      await ops.remove(ctx.api, id, signal);
      progress.report('waiting for the swarm to show it gone');
      await waitForPresence(ctx, kind, id, false, `${kind} ${object.name} removed`, signal);
      return { message: `${ops.title} ${object.name} removed.` };
    },
  };
}
