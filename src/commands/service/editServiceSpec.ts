// swarm.service.editSpec: opens the service's Spec as an editable YAML document (./specFileSystem.ts).
import * as vscode from 'vscode';
import { resolveTargets } from '../targets';
import type { CommandContext } from '../commandContext';
import { specUri } from './specFileSystem';

export async function editServiceSpec(ctx: CommandContext, ...args: unknown[]): Promise<void> {
  const view = ctx.store();
  if (!view) { ctx.reconnect(); return; }
  const [service] = await resolveTargets(view, { kind: 'service', placeholder: 'Service whose spec to edit', none: 'The swarm has no service.' }, args) ?? [];
  if (!service) return;
  // A `.yaml` path: VS Code gives it the YAML language by itself (setting it would reopen the document).
  const doc = await vscode.workspace.openTextDocument(specUri(service.id, service.name));
  await vscode.window.showTextDocument(doc, { preview: false });
}
