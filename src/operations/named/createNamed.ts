// Create secret… / Create config… (`docker secret create NAME FILE|-`). The value goes to the Engine
// in the request body only: the log shows the command with the file or `-`, and the Engine's answer
// (the new id); no message, progress or log line ever holds the value.
import { dockerCommand } from '../../domain/cliCommand';
import { checkData, checkObjectName, type NamedKind } from '../../domain/resources/validate';
import { proceed, refuse, type Operation, type OperationContext } from '../operation';
import { waitForPresence } from '../presence';
import { dataArgument, describeSource, opsOf, type ValueSource } from './kinds';

export interface CreateNamedParams {
  readonly name: string;
  readonly data: Uint8Array;
  readonly source: ValueSource;
}

export function createNamedObject(ctx: OperationContext, kind: NamedKind, params: CreateNamedParams): Operation {
  const ops = opsOf(kind);
  return {
    title: `Creating ${kind} ${params.name}`,
    destructive: false,
    check() {
      const existing = ctx.view.all(kind).map((o) => o.name);
      const problem = checkObjectName(kind, params.name, existing) ?? checkData(kind, params.data.length);
      if (problem) return refuse(problem);
      return proceed({
        message: `Create ${kind} ${params.name} on ${ctx.cluster}?`,
        detail: `${ops.title} ${params.name}, ${describeSource(params.source, params.data.length)}. ${ops.title}s cannot be changed once created: to change the value, rotate it.`,
        action: 'Create',
      });
    },
    async run(progress, signal) {
      ctx.log.cli(dockerCommand(kind, 'create', params.name, dataArgument(params.source)));
      const id = await ops.create(ctx.api, { name: params.name, data: params.data }, signal);
      progress.report('waiting for the swarm to show it');
      await waitForPresence(ctx, kind, id, true, `${kind} ${params.name}`, signal);
      return { message: `${ops.title} ${params.name} created.` };
    },
  };
}
