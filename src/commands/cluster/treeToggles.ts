// The Swarm view's title toggles: task history shown or hidden, services grouped by stack or not.
// Each state has its own command (VS Code shows one icon per state through `when` on the context
// keys `swarm.tree.showHistory` and `swarm.tree.groupByStack`).
import * as vscode from 'vscode';
import type { TreeOptions } from '../../ui/tree/elements';
import type { CommandContext } from '../commandContext';

type Toggle = 'showHistory' | 'groupByStack';

function set(ctx: CommandContext, option: Toggle, value: boolean): void {
  ctx.tree.setOptions({ [option]: value } as Partial<TreeOptions>);
  void vscode.commands.executeCommand('setContext', `swarm.tree.${option}`, value);
}

export const showTaskHistory = (ctx: CommandContext): void => set(ctx, 'showHistory', true);
export const hideTaskHistory = (ctx: CommandContext): void => set(ctx, 'showHistory', false);
export const groupByStack = (ctx: CommandContext): void => set(ctx, 'groupByStack', true);
export const ungroupByStack = (ctx: CommandContext): void => set(ctx, 'groupByStack', false);
