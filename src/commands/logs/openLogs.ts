// Opens a log view of a service or a task with the settings (tail, timestamps, cap), following.
import * as vscode from 'vscode';
import { dockerCommand } from '../../domain/cliCommand';
import { engineMessage } from '../../domain/errors';
import { LogSession, type LogTarget } from '../../operations/logs/logSession';
import { readLogSettings } from '../../ui/settings';
import type { CommandContext } from '../commandContext';
import { operationContext, showFailure } from '../runner';

export async function openLogs(ctx: CommandContext, target: LogTarget, title: string): Promise<void> {
  const octx = operationContext(ctx);
  const streams = ctx.streams();
  if (!octx || !streams) return;
  const settings = readLogSettings();
  const session = new LogSession(streams.logs, octx.view, streams.read, target, { follow: true, tail: settings.tail });
  // `docker service logs` takes a service or a task; the view always follows and has the timestamps.
  octx.log.cli(dockerCommand('service', 'logs', '--follow', '--timestamps', '--tail', String(settings.tail), target.kind === 'service' ? title : target.id));
  const call = `GET /${target.kind}s/${target.id}/logs?follow=1&tail=${settings.tail}`;
  try {
    const lines = settings.tail === 'all' ? 'every line the Engine keeps' : `the last ${settings.tail} lines`;
    const header = `${target.kind} ${title} on ${octx.cluster}: ${lines}${target.kind === 'service' ? ' of each task' : ''}, then new ones as they come`;
    await vscode.window.withProgress({ location: { viewId: 'swarm.cluster' } }, () => ctx.logViews.open(`${title}.log`, header, session, settings));
    octx.log.engine(call, 'streaming (until the view closes)', false);
  } catch (e) {
    octx.log.engine(call, engineMessage(e), true);
    showFailure(ctx, e);
  }
}
