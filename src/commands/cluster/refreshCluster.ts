// swarm.cluster.refresh: a full resync of the store, with progress in the view and errors an operator can act on.
import * as vscode from 'vscode';
import { classifyError, type SwarmError } from '../../domain/errors';
import type { CommandContext } from '../commandContext';

function isSwarmError(e: unknown): e is SwarmError {
  if (typeof e !== 'object' || e === null) return false;
  const o = e as Partial<Record<keyof SwarmError, unknown>>;
  return typeof o.kind === 'string' && typeof o.message === 'string' && typeof o.hint === 'string';
}

export async function refreshCluster(ctx: CommandContext): Promise<void> {
  const store = ctx.store();
  if (!store) { ctx.reconnect(); return; }  // no usable endpoint yet: read the settings again
  try {
    await vscode.window.withProgress({ location: { viewId: 'swarm.cluster' } }, () => store.refresh());
  } catch (e) {
    // The store throws either a SwarmError, an Error carrying one as `problem`, or a raw socket/Engine error.
    const problem = typeof e === 'object' && e !== null && 'problem' in e ? e.problem : e;
    const err = isSwarmError(problem) ? problem : classifyError(e, store.endpointLabel);
    const choice = await vscode.window.showErrorMessage(`${err.message} ${err.hint}`, 'Reconnect');
    if (choice === 'Reconnect') ctx.reconnect();
  }
}
