// swarm.context.select: choose the swarm to operate, without a reload. Offers the Docker contexts
// (~/.docker, as `docker context ls` lists them), `DOCKER_HOST` when set, the endpoints typed before
// and a free entry, the one in use marked. A context is remembered by name (machine-scoped
// swarm.context), an endpoint as a URL (swarm.dockerHost); the other is cleared, as the CLI refuses
// --context with -H. Both are user settings of this machine, never workspace settings.
import * as vscode from 'vscode';
import { nodeResolveInput } from '../../docker/dockerOptions';
import { currentContextName, listContexts } from '../../docker/dockerContexts';
import { parseHost } from '../../docker/hostString';
import { clearUserSetting, readSettings } from '../../ui/settings';
import type { CommandContext } from '../commandContext';

const RECENT_KEY = 'swarm.recentEndpoints';
const MAX_RECENT = 8;

type Choice =
  | { readonly kind: 'context'; readonly name: string }
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'cli' }
  | { readonly kind: 'enter' };

interface Item extends vscode.QuickPickItem { readonly choice?: Choice }

/** Where a typed endpoint is wrong, or undefined when it is usable. */
export function validateEndpoint(text: string): string | undefined {
  const t = text.trim();
  if (!t) return 'Enter an endpoint such as ssh://user@manager1, tcp://10.0.0.5:2376 or unix:///var/run/docker.sock';
  const parsed = parseHost(t, 'flag');
  return typeof parsed === 'string' ? `"${t}" ${parsed}` : undefined;
}

function items(ctx: CommandContext): Item[] {
  const input = nodeResolveInput(undefined);
  const s = readSettings();
  const inUse = ctx.store()?.endpointLabel;
  const mark = (on: boolean, label: string): string => (on ? `$(check) ${label}` : label);
  const cliCurrent = (() => { try { return currentContextName(input); } catch { return undefined; } })();
  const out: Item[] = [{ label: 'Docker contexts', kind: vscode.QuickPickItemKind.Separator }];
  out.push({ label: mark(!s.dockerHost && s.context === 'default', 'default'), description: 'DOCKER_HOST, else the local socket', choice: { kind: 'context', name: 'default' } });
  for (const c of listContexts(input)) {
    const chosen = !s.dockerHost && s.context === c.name;
    out.push({ label: mark(chosen, c.name), description: c.host || '(no Docker host)', detail: c.description || undefined, choice: { kind: 'context', name: c.name } });
  }
  out.push({ label: 'Endpoints', kind: vscode.QuickPickItemKind.Separator });
  const env = process.env['DOCKER_HOST']?.trim();
  out.push({
    label: mark(!s.dockerHost && !s.context, 'As the docker CLI chooses'),
    description: env ? `DOCKER_HOST=${env}` : cliCurrent ? `the current context "${cliCurrent}"` : 'the local socket',
    detail: inUse && !s.dockerHost && !s.context ? `in use: ${inUse}` : undefined,
    choice: { kind: 'cli' },
  });
  const recent = ctx.memento.get<string[]>(RECENT_KEY, []);
  for (const url of [...new Set([...(s.dockerHost ? [s.dockerHost] : []), ...recent])]) {
    out.push({ label: mark(s.dockerHost === url, url), description: 'typed before', choice: { kind: 'url', url } });
  }
  out.push({ label: '$(edit) Enter an endpoint…', description: 'ssh://, tcp://, unix://, npipe://', choice: { kind: 'enter' } });
  return out;
}

async function apply(ctx: CommandContext, choice: Choice): Promise<void> {
  const config = vscode.workspace.getConfiguration('swarm');
  const global = vscode.ConfigurationTarget.Global;
  // One reconnect for the pair of updates: the runner of settings changes coalesces them.
  switch (choice.kind) {
    case 'context':
      await clearUserSetting('dockerHost');
      await config.update('context', choice.name, global);
      return;
    case 'url': {
      const recent = [choice.url, ...ctx.memento.get<string[]>(RECENT_KEY, []).filter((u) => u !== choice.url)].slice(0, MAX_RECENT);
      await ctx.memento.update(RECENT_KEY, recent);
      await clearUserSetting('context');
      await config.update('dockerHost', choice.url, global);
      return;
    }
    case 'cli':
      await clearUserSetting('dockerHost');
      await clearUserSetting('context');
      return;
    case 'enter': {
      const url = await vscode.window.showInputBox({ title: 'Docker endpoint of a swarm manager', placeHolder: 'ssh://user@manager1', validateInput: validateEndpoint, ignoreFocusOut: true });
      if (url) await apply(ctx, { kind: 'url', url: url.trim() });
    }
  }
}

export async function selectContext(ctx: CommandContext): Promise<void> {
  const picked = await vscode.window.showQuickPick(items(ctx), { title: 'Select Docker Context / Endpoint', placeHolder: 'The swarm to operate (its manager)', matchOnDescription: true });
  if (!picked?.choice) return;
  await apply(ctx, picked.choice);
}
