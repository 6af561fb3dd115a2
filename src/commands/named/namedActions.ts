// Create, Remove and Rotate for secrets and configs: the same three actions on either kind, made
// once here; src/commands/secret/ and config/ name them.
import type { NamedKind } from '../../domain/resources/validate';
import { nextVersionName } from '../../domain/resources/rotation';
import { createNamedObject } from '../../operations/named/createNamed';
import { removeNamedObject } from '../../operations/named/removeNamed';
import { rotateNamedObject } from '../../operations/named/rotateNamed';
import { objectAction, swarmAction, type Handler } from '../runner';
import { askName, askValue, suggestName } from './askNamed';

export function createNamedAction(kind: NamedKind): Handler {
  return swarmAction({
    async ask(ctx) {
      const value = await askValue(kind);
      if (!value) return undefined;
      const name = await askName(kind, ctx.view.all(kind).map((o) => o.name), { prompt: `Name of the new ${kind}`, value: suggestName(value.source) });
      return name ? { name, ...value } : undefined;
    },
    operation: (ctx, params) => createNamedObject(ctx, kind, params),
  });
}

export function removeNamedAction(kind: NamedKind): Handler {
  return objectAction({
    kind, many: true, placeholder: `${kind === 'secret' ? 'Secret' : 'Config'}s to remove`, none: `There is no ${kind} to remove.`,
    operation: (ctx, target) => removeNamedObject(ctx, kind, target.id),
  });
}

export function rotateNamedAction(kind: NamedKind): Handler {
  return objectAction({
    kind, placeholder: `${kind === 'secret' ? 'Secret' : 'Config'} to rotate`, none: `There is no ${kind} to rotate.`,
    async ask([target], ctx) {
      if (!target) return undefined;
      const names = ctx.view.all(kind).map((o) => o.name);
      const newName = await askName(kind, names, { prompt: `Rotate ${target.name}: name of the new version`, value: nextVersionName(target.name, names) });
      if (!newName) return undefined;
      const value = await askValue(kind);
      return value ? { newName, ...value } : undefined;
    },
    operation: (ctx, target, params) => rotateNamedObject(ctx, kind, target.id, params),
  });
}
