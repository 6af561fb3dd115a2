// swarm.node.addLabel: key (completed from the keys the swarm's nodes use) and value.
import { parseLabel, validateLabel } from '../../domain/validate/nodeInput';
import { addNodeLabel as add, labelKeys } from '../../operations/node/labels';
import { askText, pickOrType } from '../prompts';
import { objectAction } from '../runner';

export const addNodeLabel = objectAction<'node', { key: string; value: string }>({
  kind: 'node', many: true, placeholder: 'Node(s) to label', none: 'The swarm has no node.',
  ask: async (nodes, ctx) => {
    const used = (key: string): string => [...new Set(ctx.view.all('node').map((n) => n.labels[key]).filter((v) => v !== undefined))].join(', ');
    const key = await pickOrType({
      title: 'Add node label (1/2): key', placeholder: 'A label key: pick one the swarm uses, or type a new one',
      items: labelKeys(ctx).map((k) => ({ label: k, description: `values: ${used(k)}`, value: k })),
      fromText: (t) => t, validate: (t) => validateLabel(`${t}=`), typedLabel: (t) => `New key "${t}"`,
    });
    if (key === undefined) return undefined;
    const current = nodes.length === 1 ? nodes[0]?.labels[key] : undefined;
    const value = await askText({ title: `Add node label (2/2): ${key}=…`, prompt: `Value of ${key} (may be empty)`, value: current ?? '',
      validate: (v) => validateLabel(`${key}=${v}`) });
    return value === undefined ? undefined : parseLabel(`${key}=${value}`);
  },
  operation: (ctx, node, label) => add(ctx, node.id, label),
});
