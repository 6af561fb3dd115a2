// Node labels (`docker node update --label-add|--label-rm`), which placement constraints match
// (`node.labels.<key> == <value>`). Removing a label that a service's constraint uses says which
// services it affects and confirms like a destructive action.
import { dockerCommand } from '../../domain/cliCommand';
import type { Service } from '../../domain/model';
import { withLabel, withoutLabels } from '../../domain/specs/nodeSpec';
import { validateLabel } from '../../domain/validate/nodeInput';
import { parseConstraint } from '../../domain/constraints';
import { proceed, refuse, type Operation, type OperationContext } from '../operation';
import { changeNode, currentNode, waitForNode } from './nodeUpdate';

/** Services whose constraints name `node.labels.<key>`. */
export function servicesUsingLabel(services: readonly Service[], key: string): Service[] {
  // The prefix is case-insensitive, the label name is not (as SwarmKit matches them).
  const uses = (text: string): boolean => {
    const attr = parseConstraint(text)?.attr ?? '';
    return attr.toLowerCase().startsWith('node.labels.') && attr.slice('node.labels.'.length) === key;
  };
  return services.filter((s) => s.constraints.some(uses));
}

/** Every label key in use on the swarm's nodes, for completion. */
export function labelKeys(ctx: OperationContext): string[] {
  return [...new Set(ctx.view.all('node').flatMap((n) => Object.keys(n.labels)))].sort();
}

export function addNodeLabel(ctx: OperationContext, nodeId: string, label: { readonly key: string; readonly value: string }): Operation {
  const name = ctx.view.get('node', nodeId)?.hostname ?? nodeId;
  const text = `${label.key}=${label.value}`;
  return {
    title: `Labelling ${name} ${text}`,
    destructive: false,
    check() {
      const node = currentNode(ctx, nodeId);
      const invalid = validateLabel(text);
      if (invalid) return refuse(invalid);
      if (node.labels[label.key] === label.value) return refuse(`${node.hostname} has the label ${text} already.`);
      const old = node.labels[label.key];
      return proceed({ message: `Add label ${text} to ${node.hostname} on ${ctx.cluster}?`,
        detail: old === undefined ? undefined : `It replaces ${label.key}=${old}.`, action: 'Add Label' });
    },
    async run(progress, signal) {
      const node = currentNode(ctx, nodeId);
      await changeNode(ctx, node, dockerCommand('node', 'update', '--label-add', text, node.hostname), (s) => withLabel(s, label.key, label.value), signal);
      progress.report('waiting for the swarm to show it');
      await waitForNode(ctx, nodeId, (n) => n.labels[label.key] === label.value, `the label ${text} on ${node.hostname}`, signal);
      return { message: `${node.hostname} has the label ${text}.` };
    },
  };
}

export function removeNodeLabels(ctx: OperationContext, nodeId: string, keys: readonly string[]): Operation {
  const name = ctx.view.get('node', nodeId)?.hostname ?? nodeId;
  const users = [...new Set(keys.flatMap((k) => servicesUsingLabel(ctx.view.all('service'), k)))];
  return {
    title: `Removing label${keys.length === 1 ? '' : 's'} ${keys.join(', ')} from ${name}`,
    destructive: users.length > 0,
    check() {
      const node = currentNode(ctx, nodeId);
      const missing = keys.filter((k) => !(k in node.labels));
      if (missing.length === keys.length) return refuse(`${node.hostname} has no label ${missing.join(', ')}.`);
      const affected = users.map((s) => `${s.name} (${s.constraints.join(' and ')})`);
      return proceed({ message: `Remove label${keys.length === 1 ? '' : 's'} ${keys.join(', ')} from ${node.hostname} on ${ctx.cluster}?`,
        detail: affected.length > 0 ? `Placement constraints use it: ${affected.join('; ')}. Their tasks may no longer be placed on ${node.hostname}.` : undefined,
        action: 'Remove Label' });
    },
    async run(progress, signal) {
      const node = currentNode(ctx, nodeId);
      const present = keys.filter((k) => k in node.labels);
      await changeNode(ctx, node, dockerCommand('node', 'update', ...present.flatMap((k) => ['--label-rm', k]), node.hostname), (s) => withoutLabels(s, present), signal);
      progress.report('waiting for the swarm to show it');
      await waitForNode(ctx, nodeId, (n) => present.every((k) => !(k in n.labels)), `${node.hostname} without ${present.join(', ')}`, signal);
      return { message: `${node.hostname} no longer has the label${present.length === 1 ? '' : 's'} ${present.join(', ')}.` };
    },
  };
}
