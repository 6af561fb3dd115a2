// Starting an update, a rollback or a scale may open the rollout view (swarm.rollout.openView:
// ask / always / never). The view is its own command (`swarm.rollout.open`, the rollout issue's);
// until it is registered, this does nothing and the action's progress notification is the feedback.
import * as vscode from 'vscode';
import type { RolloutOpenView } from '../ui/settings';

const OPEN_ROLLOUT = 'swarm.rollout.open';

export async function openRolloutView(serviceId: string, setting: RolloutOpenView): Promise<void> {
  if (setting === 'never') return;
  const commands = await vscode.commands.getCommands(true);
  if (!commands.includes(OPEN_ROLLOUT)) return;
  if (setting === 'ask') {
    const choice = await vscode.window.showInformationMessage('Follow this rollout in the rollout view?', 'Open', 'Always', 'Never');
    if (choice === 'Always' || choice === 'Never') {
      await vscode.workspace.getConfiguration('swarm').update('rollout.openView', choice.toLowerCase(), vscode.ConfigurationTarget.Global);
    }
    if (choice !== 'Open' && choice !== 'Always') return;
  }
  await vscode.commands.executeCommand(OPEN_ROLLOUT, serviceId);
}
