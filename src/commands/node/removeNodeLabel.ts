// swarm.node.removeLabel: pick among the node's labels.
import { removeNodeLabels } from '../../operations/node/labels';
import { pickMany } from '../prompts';
import { objectAction } from '../runner';
import * as vscode from 'vscode';

export const removeNodeLabel = objectAction<'node', string[]>({
  kind: 'node', placeholder: 'Node whose labels to remove', none: 'No node has a label.',
  offers: (n) => Object.keys(n.labels).length > 0,
  ask: async ([node]) => {
    const keys = Object.keys(node?.labels ?? {}).sort();
    if (!node || keys.length === 0) {
      void vscode.window.showInformationMessage(`${node?.hostname ?? 'The node'} has no label.`);
      return undefined;
    }
    const picked = await pickMany(`Remove labels of ${node.hostname}`, 'Labels to remove',
      keys.map((k) => ({ label: `${k}=${node.labels[k] ?? ''}`, value: k })));
    return picked && picked.length > 0 ? picked : undefined;
  },
  operation: (ctx, node, keys) => removeNodeLabels(ctx, node.id, keys),
});
