// swarm.network.create: an overlay network — name, then attachable / internal, then an optional subnet.
import * as vscode from 'vscode';
import { checkNetworkName, parseSubnet } from '../../domain/resources/validate';
import { createNetwork as createNetworkOperation } from '../../operations/network/createNetwork';
import { swarmAction } from '../runner';

export const createNetwork = swarmAction({
  async ask(ctx) {
    const taken = ctx.view.all('network').map((n) => n.name);
    const name = (await vscode.window.showInputBox({
      title: 'New overlay network: name', ignoreFocusOut: true, prompt: 'Letters and digits, with "-" or "_" between them; at most 63 characters.',
      validateInput: (v) => checkNetworkName(v.trim(), taken),
    }))?.trim();
    if (!name) return undefined;
    const options = await vscode.window.showQuickPick([
      { label: 'Attachable', description: 'standalone containers (docker run --network) may join it', id: 'attachable' },
      { label: 'Internal', description: 'no traffic to or from outside the network', id: 'internal' },
    ], { title: `${name}: options (none is fine)`, canPickMany: true, ignoreFocusOut: true });
    if (!options) return undefined;
    const subnet = await vscode.window.showInputBox({
      title: `${name}: subnet (optional)`, ignoreFocusOut: true, prompt: 'e.g. 10.10.0.0/24; empty: one from the default address pool.',
      validateInput: (v) => { if (!v.trim()) return undefined; const s = parseSubnet(v); return typeof s === 'string' ? s : undefined; },
    });
    if (subnet === undefined) return undefined;
    const has = (id: string) => options.some((o) => o.id === id);
    return { name, attachable: has('attachable'), internal: has('internal'), subnet: subnet.trim() };
  },
  operation: (ctx, params) => createNetworkOperation(ctx, params),
});
