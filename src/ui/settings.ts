// Typed access to the extension's settings, and a change handler that says which part changed.
import * as vscode from 'vscode';

export interface PollSettings {
  readonly fastTaskPollMs: number;
  readonly slowTaskPollMs: number;
}

export interface SwarmSettings extends PollSettings {
  /** `swarm.dockerHost`; undefined when empty (then swarm.context, DOCKER_HOST, the Docker context, the default socket). */
  readonly dockerHost: string | undefined;
  /** `swarm.context`: a Docker context by name, like the CLI's --context. */
  readonly context: string | undefined;
  /** `swarm.failoverEndpoints`: more endpoints of the swarm's managers, besides the Docker contexts. */
  readonly failoverEndpoints: readonly string[];
  /** `swarm.engine.timeoutSeconds`: the deadline of every Engine request/response call. */
  readonly callTimeoutMs: number;
}

/** package.json declares these minimums, but settings.json edits are not checked against them. */
function seconds(value: unknown, fallback: number, minimum: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  return Math.round(Math.max(minimum, n) * 1000);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : [];
}

export function readSettings(): SwarmSettings {
  const c = vscode.workspace.getConfiguration('swarm');
  const host = c.get<unknown>('dockerHost');
  const context = c.get<unknown>('context');
  return {
    dockerHost: typeof host === 'string' && host.trim() !== '' ? host.trim() : undefined,
    context: typeof context === 'string' && context.trim() !== '' ? context.trim() : undefined,
    failoverEndpoints: strings(c.get<unknown>('failoverEndpoints')),
    callTimeoutMs: seconds(c.get<unknown>('engine.timeoutSeconds'), 10, 1),
    fastTaskPollMs: seconds(c.get<unknown>('tasks.fastPollSeconds'), 2, 0.5),
    slowTaskPollMs: seconds(c.get<unknown>('tasks.slowPollSeconds'), 30, 5),
  };
}

/** The tree's settings (its toggles live in the view's title bar, not in settings). */
export function readTreeSettings(): { readonly stuckAfterMs: number } {
  return { stuckAfterMs: seconds(vscode.workspace.getConfiguration('swarm').get<unknown>('tasks.stuckAfterSeconds'), 30, 1) };
}

/**
 * Empties a string setting whose empty value means "not set" (swarm.dockerHost, swarm.context).
 * Removing it is not enough in a remote window (code-server, Remote-SSH): a machine-scoped value can
 * sit in both the local and the remote user settings, and removal reaches only one of them (seen in
 * VS Code 1.100); an empty value written over it wins wherever the other one is.
 */
export async function clearUserSetting(key: string): Promise<void> {
  const c = vscode.workspace.getConfiguration('swarm');
  if (c.get<unknown>(key)) await c.update(key, '', vscode.ConfigurationTarget.Global);
}

/** `swarm.statusBar.warnSingleManager`: warn about a swarm of several nodes with one manager. */
export function readStatusSettings(): { readonly warnSingleManager: boolean } {
  return { warnSingleManager: vscode.workspace.getConfiguration('swarm').get<unknown>('statusBar.warnSingleManager') !== false };
}

export interface SettingsHandlers {
  /** The endpoint, the failover set or the call timeout changed: connect anew. */
  onEndpointChanged(settings: SwarmSettings): void;
  /** Only the poll intervals changed. */
  onPollingChanged(settings: PollSettings): void;
}

const RECONNECTING = ['swarm.dockerHost', 'swarm.context', 'swarm.failoverEndpoints', 'swarm.engine'];

export function onDidChangeSettings(handlers: SettingsHandlers): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (RECONNECTING.some((s) => e.affectsConfiguration(s))) handlers.onEndpointChanged(readSettings());
    else if (e.affectsConfiguration('swarm.tasks')) handlers.onPollingChanged(readSettings());
  });
}

export interface ActionSettings {
  /** Ask before non-destructive actions too (destructive ones always ask). */
  readonly confirmNonDestructive: boolean;
  /** How long an action waits for the cluster to show its result. */
  readonly waitMs: number;
}

export function readActionSettings(): ActionSettings {
  const c = vscode.workspace.getConfiguration('swarm');
  return {
    confirmNonDestructive: c.get<unknown>('actions.confirmNonDestructive') !== false,
    waitMs: seconds(c.get<unknown>('actions.waitSeconds'), 120, 5),
  };
}

/** `swarm.rollout.openView`: whether a rollout opens its view by itself. */
export type RolloutOpenView = 'ask' | 'always' | 'never';

export function readRolloutOpenView(): RolloutOpenView {
  const open = vscode.workspace.getConfiguration('swarm').get<unknown>('rollout.openView');
  return open === 'always' || open === 'never' ? open : 'ask';
}

/** Remembers the answer "Always" / "Never" of an ask. */
export function saveRolloutOpenView(value: RolloutOpenView): Thenable<void> {
  return vscode.workspace.getConfiguration('swarm').update('rollout.openView', value, vscode.ConfigurationTarget.Global);
}

export interface LogSettings {
  /** `swarm.logs.tail`: lines per task from the end of what the Engine has, or all. */
  readonly tail: number | 'all';
  /** `swarm.logs.maxLines`: the newest lines a log view keeps. */
  readonly maxLines: number;
  /** `swarm.logs.timestamps`: show the Engine's timestamps when a view opens. */
  readonly timestamps: boolean;
}

export function readLogSettings(): LogSettings {
  const c = vscode.workspace.getConfiguration('swarm');
  const tail = c.get<unknown>('logs.tail');
  const max = c.get<unknown>('logs.maxLines');
  return {
    tail: tail === 'all' ? 'all' : typeof tail === 'number' && Number.isSafeInteger(tail) && tail >= 0 ? tail : 500,
    maxLines: typeof max === 'number' && Number.isFinite(max) ? Math.max(1000, Math.round(max)) : 20_000,
    timestamps: c.get<unknown>('logs.timestamps') === true,
  };
}
