// The "Swarm" log channel: every action's docker CLI equivalent and each Engine call with its
// answer, so a user can learn and repeat what the extension did.
import * as vscode from 'vscode';
import type { ActionLog } from '../operations/ports';

export class SwarmLog implements ActionLog, vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Swarm', { log: true });

  cli(command: string): void { this.channel.info(`$ ${command}`); }

  engine(call: string, answer: string, failed: boolean): void {
    if (failed) this.channel.error(`${call} → ${answer}`);
    else this.channel.info(`${call} → ${answer}`);
  }

  note(message: string): void { this.channel.info(message); }

  show(): void { this.channel.show(true); }

  dispose(): void { this.channel.dispose(); }
}
