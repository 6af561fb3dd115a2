// A VS Code terminal on a shell in a task's container: a Pseudoterminal whose bytes go to and come
// from the exec stream (src/docker/execShell.ts). The terminal's size follows the panel; closing
// the terminal ends the exec; the shell exiting closes the terminal with its exit code.
import * as vscode from 'vscode';
import { SHELL_COMMAND } from '../../domain/shellTarget';
import type { ShellRoute } from '../../operations/shell/shellRoute';
import type { ShellSession } from '../../operations/streams';

export function openShellTerminal(route: ShellRoute, name: string): vscode.Terminal {
  const write = new vscode.EventEmitter<string>();
  const close = new vscode.EventEmitter<number | void>();
  const decoder = new TextDecoder();
  let session: ShellSession | undefined;
  let closed = false;
  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    onDidClose: close.event,
    open(size) {
      write.fire(`\x1b[2m# ${route.command}   (on ${route.where})\x1b[0m\r\n`);
      const columns = size?.columns ?? 80;
      const rows = size?.rows ?? 24;
      route.shell.openShell(route.task.containerId ?? '', SHELL_COMMAND, { columns, rows }, {
        onData: (chunk) => write.fire(decoder.decode(chunk, { stream: true })),
        onExit: (code, error) => {
          if (closed) return;
          if (error) write.fire(`\r\n\x1b[31mConnection lost: ${error.message}\x1b[0m\r\n`);
          closed = true;
          close.fire(code ?? undefined);
        },
      }).then((s) => {
        if (closed) s.close();
        else session = s;
      }, (e: unknown) => {
        write.fire(`\x1b[31mCould not open a shell: ${e instanceof Error ? e.message : String(e)}\x1b[0m\r\n`
          + `Run "${route.command}" on ${route.where} instead.\r\n`);
      });
    },
    close() {
      closed = true;
      session?.close();
      write.dispose();
      close.dispose();
    },
    handleInput(data) { session?.write(data); },
    setDimensions(d) { void session?.resize(d.columns, d.rows).catch(() => undefined); },
  };
  const terminal = vscode.window.createTerminal({ name, pty, iconPath: new vscode.ThemeIcon('terminal') });
  terminal.show();
  return terminal;
}
