// swarm.swarm.copyJoinToken: the worker or manager join token on the clipboard, after a warning: the
// token is all a machine needs (besides reaching a manager) to join the swarm.
import * as vscode from 'vscode';
import type { CommandContext } from '../commandContext';
import { pickOne } from '../prompts';

export async function copyJoinToken(ctx: CommandContext): Promise<void> {
  const octx = ctx.operations();
  if (!octx) { void vscode.window.showErrorMessage('Not connected to a swarm manager: select a Docker context or endpoint first.'); return; }
  const role = await pickOne('Copy a join token', 'Which token?', [
    { label: 'Worker', detail: 'docker swarm join --token … joins as a worker', value: 'worker' as const },
    { label: 'Manager', detail: 'joins as a manager: a vote in Raft and full control of the swarm', value: 'manager' as const },
  ]);
  if (!role) return;
  const warning = `A ${role} join token lets any machine that reaches a manager of ${octx.cluster} join it as a ${role}${role === 'manager' ? ', with full control of the swarm' : ''}. `
    + 'Share it only with who may add machines; rotate it (Swarm: Rotate Join Token) if it leaks.';
  if (await vscode.window.showWarningMessage(`Copy the ${role} join token of ${octx.cluster}?`, { modal: true, detail: warning }, 'Copy') !== 'Copy') return;
  const swarm = await octx.api.inspectSwarm();
  await vscode.env.clipboard.writeText(swarm.joinTokens[role]);
  // The token itself is never logged.
  octx.log.cli(`docker swarm join-token -q ${role}`);
  octx.log.note(`copied the ${role} join token to the clipboard`);
  vscode.window.setStatusBarMessage(`Copied the ${role} join token of ${octx.cluster}`, 4000);
}
