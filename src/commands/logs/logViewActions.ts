// swarm.logs.toggleTimestamps and swarm.logs.stop, from a log view's title bar (or the palette, for
// the active log view).
import * as vscode from 'vscode';
import type { CommandContext } from '../commandContext';

function viewUri(ctx: CommandContext, arg: unknown): vscode.Uri | undefined {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (uri && ctx.logViews.has(uri)) return uri;
  void vscode.window.showInformationMessage('Open a Swarm log view first (Show Logs on a service or a task).');
  return undefined;
}

export function toggleTimestamps(ctx: CommandContext, arg?: unknown): void {
  const uri = viewUri(ctx, arg);
  if (uri) ctx.logViews.toggleTimestamps(uri);
}

export function stopLogs(ctx: CommandContext, arg?: unknown): void {
  const uri = viewUri(ctx, arg);
  if (uri) ctx.logViews.stop(uri);
}
