// swarm.cluster.showProblem: what the welcome content cannot say (it is static): which endpoint, what
// went wrong there, and the next step, with Retry and Select Docker Context.
import * as vscode from 'vscode';
import type { CommandContext } from '../commandContext';

export async function showProblem(ctx: CommandContext): Promise<void> {
  const details = ctx.problemDetails();
  if (!details) { void vscode.window.showInformationMessage('Connected: nothing is wrong with the Docker endpoint.'); return; }
  const choice = await vscode.window.showWarningMessage(details, 'Retry', 'Select Docker Context…');
  if (choice === 'Retry') ctx.reconnect();
  else if (choice === 'Select Docker Context…') await vscode.commands.executeCommand('swarm.context.select');
}
