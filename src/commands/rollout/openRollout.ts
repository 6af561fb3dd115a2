// `swarm.rollout.open`: the rollout view of a service, from its tree item, a service id (the
// operations commands pass one after starting a rollout) or, from the palette, a pick of services
// (rolling ones first).
import * as vscode from 'vscode';
import type { CommandContext } from '../commandContext';

function serviceIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg !== '') return arg;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const el = arg as { type?: unknown; kind?: unknown; id?: unknown };
  return el.type === 'object' && el.kind === 'service' && typeof el.id === 'string' ? el.id : undefined;
}

async function pickService(ctx: CommandContext): Promise<string | undefined> {
  const store = ctx.store();
  const services = [...store?.all('service') ?? []];
  if (services.length === 0) {
    void vscode.window.showInformationMessage(store ? 'There is no service on this swarm to show a rollout of.' : 'Not connected to Docker: open the Swarm view first.');
    return undefined;
  }
  const rolling = (s: (typeof services)[number]): number => (s.updateStatus?.state === 'updating' || s.updateStatus?.state === 'rollback_started' ? 0 : 1);
  services.sort((a, b) => rolling(a) - rolling(b) || a.name.localeCompare(b.name));
  const picked = await vscode.window.showQuickPick(services.map((s) => ({
    label: s.name, description: s.updateStatus ? s.updateStatus.state : '', detail: s.image, id: s.id,
  })), { placeHolder: 'Show the rollout of which service?' });
  return picked?.id;
}

export async function openRollout(ctx: CommandContext, arg?: unknown): Promise<void> {
  const id = serviceIdOf(arg) ?? await pickService(ctx);
  if (id) await ctx.rollouts.open(id);
}
