// Starting a rollout opens the rollout view by `swarm.rollout.openView` (src/ui/rollout): `always`
// opens it for every rollout an action starts; `ask` asks here only for a scale, because an update
// or a rollback sets the service's UpdateStatus and the view's follower asks for those itself.
import * as vscode from 'vscode';
import { readRolloutOpenView, saveRolloutOpenView } from '../ui/settings';
import type { CommandContext } from './commandContext';

export async function followRollout(ctx: CommandContext, rollout: { readonly serviceId: string; readonly tracked: boolean }): Promise<void> {
  const setting = readRolloutOpenView();
  if (setting === 'never' || (setting === 'ask' && rollout.tracked)) return;
  if (setting === 'ask') {
    const choice = await vscode.window.showInformationMessage('Follow this scale in the rollout view?', 'Show Rollout', 'Always', 'Never');
    if (choice === 'Always' || choice === 'Never') await saveRolloutOpenView(choice === 'Always' ? 'always' : 'never');
    if (choice !== 'Show Rollout' && choice !== 'Always') return;
  }
  await ctx.rollouts.open(rollout.serviceId);
}
