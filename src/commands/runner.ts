// The one wrapper every action command goes through: targets (tree, selection or palette), the
// operation's check (a refusal with its reason, or a modal confirmation stating the impact on the
// named object and cluster), a cancellable progress notification, and errors shown with the
// Engine's message, what it means and a next step. Handler files hold only their own logic.
import * as vscode from 'vscode';
import type { Kind, ObjectOfKind } from '../domain/model';
import { explainEngineError } from '../domain/refusals';
import { Cancelled, OperationError, type Check, type Confirmation, type Operation, type OperationContext, type Outcome } from '../operations/operation';
import { readActionSettings } from '../ui/settings';
import { followRollout } from './rolloutView';
import type { CommandContext } from './commandContext';
import { nameOf, resolveTargets, type TargetSpec } from './targets';

export type Handler = (ctx: CommandContext, ...args: unknown[]) => unknown;

/** An action on objects of one kind. `ask` gathers its input (undefined: the user cancelled). */
export interface ObjectAction<K extends Kind, P> extends TargetSpec<K> {
  readonly ask?: (targets: readonly ObjectOfKind[K][], ctx: OperationContext) => Promise<P | undefined>;
  readonly operation: (ctx: OperationContext, target: ObjectOfKind[K], params: P) => Operation;
}

/** An action without a target object: on the endpoint's swarm (init, join, leave, unlock, rotate a token), or creating one. */
export interface SwarmAction<P> {
  readonly ask?: (ctx: OperationContext) => Promise<P | undefined>;
  readonly operation: (ctx: OperationContext, params: P) => Operation;
}

export function objectAction<K extends Kind, P = undefined>(def: ObjectAction<K, P>): Handler {
  return async (ctx, ...args) => {
    const octx = operationContext(ctx);
    if (!octx) return;
    const targets = await resolveTargets(octx.view, def, args);
    if (!targets) return;
    const params = def.ask ? await def.ask(targets, octx) : undefined;
    if (def.ask && params === undefined) return;
    await runOperations(ctx, targets.map((t) => def.operation(octx, t, params as P)), targets.map(nameOf));
  };
}

export function swarmAction<P = undefined>(def: SwarmAction<P>): Handler {
  return async (ctx) => {
    const octx = operationContext(ctx);
    if (!octx) return;
    const params = def.ask ? await def.ask(octx) : undefined;
    if (def.ask && params === undefined) return;
    await runOperations(ctx, [def.operation(octx, params as P)], []);
  };
}

export function operationContext(ctx: CommandContext): OperationContext | undefined {
  const octx = ctx.operations();
  if (!octx) {
    void vscode.window.showErrorMessage('Not connected to Docker: set swarm.dockerHost (or DOCKER_HOST / a Docker context), then reconnect.', 'Reconnect')
      .then((c) => { if (c === 'Reconnect') ctx.reconnect(); });
  }
  return octx;
}

async function confirm(c: Confirmation): Promise<boolean> {
  return (await vscode.window.showWarningMessage(c.message, { modal: true, detail: c.detail }, c.action)) === c.action;
}

/** Several targets: one confirmation listing each one's impact. */
function combined(checks: readonly { confirm: Confirmation }[], names: readonly string[]): Confirmation {
  const first = checks[0]?.confirm;
  if (checks.length === 1 && first) return first;
  return {
    message: `${first?.action ?? 'Go'}: ${names.join(', ')}?`,
    detail: checks.map((c) => [c.confirm.message, c.confirm.detail].filter(Boolean).join('\n')).join('\n\n'),
    action: first?.action ?? 'Go',
  };
}

/**
 * Checks, confirms and runs the operations (one per target) in one progress notification. `handle`
 * may take over a failure (e.g. an edit's conflict) by returning true. Resolves to whether all ran.
 */
export async function runOperations(ctx: CommandContext, ops: readonly Operation[], names: readonly string[], handle?: (e: unknown) => boolean): Promise<boolean> {
  const checks: Check[] = [];
  for (const op of ops) {
    try {
      checks.push(await op.check());
    } catch (e) {
      showFailure(ctx, e);
      return false;
    }
  }
  const refused = checks.flatMap((c) => (c.kind === 'refuse' ? [c.reason] : []));
  const go = ops.flatMap((op, i) => { const c = checks[i]; return c?.kind === 'proceed' ? [{ op, confirm: c.confirm, warnings: c.warnings, name: names[i] ?? '' }] : []; });
  if (refused.length > 0) void vscode.window.showErrorMessage(refused.join(' '));
  if (go.length === 0) return false;
  const settings = readActionSettings();
  const destructive = go.some((g) => g.op.destructive);
  if ((destructive || settings.confirmNonDestructive) && !(await confirm(combined(go, go.map((g) => g.name))))) return false;
  for (const g of go) for (const w of g.warnings) if (!(await confirm(w))) return false;

  const title = go.length === 1 ? go[0]?.op.title ?? '' : `${go[0]?.op.title ?? ''} and ${go.length - 1} more`;
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    const outcomes: Outcome[] = [];
    try {
      for (const [i, g] of go.entries()) {
        const prefix = go.length > 1 ? `(${i + 1}/${go.length}) ${g.name}: ` : '';
        if (g.op.rollout) void followRollout(ctx, g.op.rollout);
        let last = 0;
        outcomes.push(await g.op.run({
          report: (message, fraction) => {
            const increment = fraction === undefined ? undefined : Math.max(0, (fraction - last) * 100 / go.length);
            if (fraction !== undefined) last = fraction;
            progress.report({ message: prefix + message, increment });
          },
        }, abort.signal));
      }
    } catch (e) {
      if (!handle?.(e)) showFailure(ctx, e, outcomes);
      return false;
    } finally {
      sub.dispose();
    }
    const text = outcomes.map((o) => o.message).join(' ');
    if (outcomes.some((o) => o.warning)) void vscode.window.showWarningMessage(text, 'Show Log').then((c) => { if (c) ctx.log.show(); });
    else void vscode.window.showInformationMessage(text);
    return refused.length === 0;
  });
}

/** The Engine's message, what it means, the next step; and for multi-step actions, what ran. */
export function showFailure(ctx: CommandContext, e: unknown, done: readonly Outcome[] = []): void {
  const before = done.length > 0 ? ` Done before: ${done.map((o) => o.message).join(' ')}` : '';
  if (e instanceof Cancelled) {
    const steps = e.steps.length > 0 ? ` Steps that ran: ${e.steps.join('; ')}.` : '';
    void vscode.window.showWarningMessage(`Cancelled; nothing more was sent.${steps}${before}`);
    return;
  }
  const x = e instanceof OperationError ? e : explainEngineError(e, ctx.operations()?.api.endpointLabel ?? 'the endpoint');
  const steps = e instanceof OperationError && e.steps.length > 0 ? ` Steps: ${e.steps.join('; ')}.` : '';
  void vscode.window.showErrorMessage(`${x.message} ${x.meaning} ${x.next}${steps}${before}`, 'Show Log').then((c) => { if (c) ctx.log.show(); });
}
