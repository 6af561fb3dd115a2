// What the runner tells the suite (through the extension host's environment), and small waits.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SwarmExtensionApi } from '../../../src/extension';

export const EXTENSION_ID = 'swarm-operator.swarm-operator';

/** The lab the runner brought up: its manager's endpoint and name (for stopping its daemons). */
export const LAB_HOST = process.env['SWARM_IT_DOCKER_HOST'] ?? '';
export const LAB_NAME = process.env['SWARM_IT_LAB'] ?? '';

export function extension(): vscode.Extension<SwarmExtensionApi> {
  const ext = vscode.extensions.getExtension<SwarmExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  return ext;
}

export function repoRoot(): string {
  return extension().extensionPath;
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the runner opens a workspace folder');
  return vscode.Uri.file(path.join(folder.uri.fsPath, name));
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The extension, activated, with its Swarm view open and its store live on the lab. */
export async function liveOnLab(): Promise<SwarmExtensionApi> {
  const api = await extension().activate();
  await vscode.commands.executeCommand('workbench.view.extension.swarm');
  await waitFor('store live', () => api.store()?.connection.status === 'live', 60_000);
  return api;
}
