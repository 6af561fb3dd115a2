// swarm.stack.remove: from a stack in the tree, or a stack picked in the palette (any namespace
// something is still labelled with, also a stack whose services are gone).
import * as vscode from 'vscode';
import { removeStack as removeStackOperation, stackNamespaces } from '../../operations/stack/removeStack';
import type { CommandContext } from '../commandContext';
import { operationContext, runOperations } from '../runner';

function clickedStack(arg: unknown): string | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const el = arg as { type?: unknown; name?: unknown };
  return el.type === 'stack' && typeof el.name === 'string' ? el.name : undefined;
}

export async function removeStack(ctx: CommandContext, ...args: unknown[]): Promise<void> {
  const octx = operationContext(ctx);
  if (!octx) return;
  let namespace = clickedStack(args[0]);
  if (!namespace) {
    const names = stackNamespaces(octx);
    if (names.length === 0) { void vscode.window.showInformationMessage(`There is no stack on ${octx.cluster}.`); return; }
    namespace = await vscode.window.showQuickPick(names, { placeHolder: 'Stack to remove', ignoreFocusOut: true });
    if (!namespace) return;
  }
  await runOperations(ctx, [removeStackOperation(octx, namespace)], [namespace]);
}
