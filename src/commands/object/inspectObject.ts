// swarm.<kind>.inspect and swarm.<kind>.copyId, for every kind of Swarm object: the target from the
// tree or a pick, then the Engine's JSON (or YAML) in a read-only document that follows the object
// (src/ui/inspect), or its full id on the clipboard.
import * as vscode from 'vscode';
import type { Kind } from '../../domain/model';
import { inspectUri } from '../../ui/inspect/inspectDocuments';
import type { CommandContext } from '../commandContext';
import type { Handler } from '../runner';
import { nameOf, resolveTargets } from '../targets';

const WORDS: Readonly<Record<Kind, string>> = { node: 'node', service: 'service', task: 'task', secret: 'secret', config: 'config', network: 'network' };

function format(): 'json' | 'yaml' {
  return vscode.workspace.getConfiguration('swarm').get<unknown>('inspect.format') === 'yaml' ? 'yaml' : 'json';
}

async function target(ctx: CommandContext, kind: Kind, verb: string, args: readonly unknown[]) {
  const view = ctx.store();
  if (!view) { void vscode.window.showErrorMessage('Not connected to Docker: select a Docker context or endpoint first.'); return undefined; }
  const found = await resolveTargets(view, { kind, placeholder: `${WORDS[kind]} to ${verb}`, none: `No ${WORDS[kind]} on ${view.endpointLabel}.` }, args);
  return found?.[0];
}

export function inspectObject(kind: Kind): Handler {
  return async (ctx, ...args) => {
    const o = await target(ctx, kind, 'inspect', args);
    if (!o) return;
    const doc = await vscode.workspace.openTextDocument(inspectUri(kind, nameOf(o), o.id, format()));
    await vscode.window.showTextDocument(doc, { preview: true });
  };
}

export function copyObjectId(kind: Kind): Handler {
  return async (ctx, ...args) => {
    const o = await target(ctx, kind, 'copy the id of', args);
    if (!o) return;
    await vscode.env.clipboard.writeText(o.id);
    vscode.window.setStatusBarMessage(`Copied the id of ${WORDS[kind]} ${nameOf(o)}`, 3000);
  };
}
