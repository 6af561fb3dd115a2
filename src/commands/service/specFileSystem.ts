// The virtual file system behind Edit Service Spec (like `kubectl edit`): `swarm-service-spec:/<id>/<name>.yaml`
// reads the service's Spec at its current version; saving validates the YAML (a failed save keeps
// the edit), shows the diff against the spec that was opened, asks, and updates the service with
// that version. A concurrent change fails the save and opens the current spec beside the edit; the
// next save then applies the edit over the version the user has now seen. Never merged silently.
import * as vscode from 'vscode';
import type { OperationContext } from '../../operations/operation';
import { editServiceSpec, isSpecConflict, parseEdit, readSpecDocument, type SpecDocument } from '../../operations/service/editSpec';
import type { CommandContext } from '../commandContext';
import { runOperations } from '../runner';

export const SPEC_SCHEME = 'swarm-service-spec';
/** Read-only views of a spec (as opened, or as it is now), for the diffs. */
export const SPEC_VIEW_SCHEME = 'swarm-service-spec-view';

export function specUri(serviceId: string, name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: SPEC_SCHEME, path: `/${serviceId}/${name}.yaml` });
}

function serviceIdOf(uri: vscode.Uri): string {
  return uri.path.split('/')[1] ?? '';
}

export class SpecFileSystem implements vscode.FileSystemProvider, vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly viewChanged = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.viewChanged.event;
  /** The spec each open document edits (its version is what a save sends). */
  private readonly bases = new Map<string, SpecDocument>();
  private readonly views = new Map<string, string>();
  private readonly times = new Map<string, number>();

  private readonly closed = vscode.workspace.onDidCloseTextDocument((d) => {
    if (d.uri.scheme === SPEC_VIEW_SCHEME) this.views.delete(d.uri.toString());
  });

  constructor(private readonly ctx: CommandContext) {}

  watch(): vscode.Disposable { return new vscode.Disposable(() => undefined); }

  stat(uri: vscode.Uri): vscode.FileStat {
    const base = this.bases.get(uri.toString());
    const mtime = this.times.get(uri.toString()) ?? Date.now();
    return { type: vscode.FileType.File, ctime: mtime, mtime, size: base ? Buffer.byteLength(base.text) : 0 };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const doc = await readSpecDocument(this.operations(), serviceIdOf(uri));
    this.bases.set(uri.toString(), doc);
    this.times.set(uri.toString(), Date.now());
    return Buffer.from(doc.text, 'utf8');
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const ctx = this.operations();
    // Never the current spec in place of the one the edit started from: that would overwrite silently.
    const base = this.bases.get(uri.toString());
    if (!base) throw new vscode.FileSystemError('Not saved: the spec this edit started from is not known any more. Copy your edit, reopen Edit Spec, and apply it there.');
    const parsed = parseEdit(Buffer.from(content).toString('utf8'), base);
    if (parsed.problems) throw new vscode.FileSystemError(`Not saved, the spec is not valid: ${parsed.problems.join(' ')}`);
    const name = base.spec.Name ?? base.serviceId;
    await vscode.commands.executeCommand('vscode.diff', this.viewUri(base, 'opened', base.text), uri, `${name}: running spec (v${base.version}) ↔ your edit`, { preview: true });
    let conflict: SpecDocument | undefined;
    const ran = await runOperations(this.ctx, [editServiceSpec(ctx, base, parsed.spec)], [name], (e) => {
      if (!isSpecConflict(e)) return false;
      conflict = e.current;
      return true;
    });
    if (conflict) {
      // The user now sees the current spec beside their edit; saving again applies the edit over it.
      this.bases.set(uri.toString(), conflict);
      await vscode.commands.executeCommand('vscode.diff', this.viewUri(conflict, 'current', conflict.text), uri,
        `${name}: current spec (v${conflict.version}) ↔ your edit`);
      throw new vscode.FileSystemError(`Not saved: ${name} changed since version ${base.version} was opened (now version ${conflict.version}). `
        + 'The current spec is shown beside your edit; save again to apply your edit over it, or revert the file to take the current spec.');
    }
    if (!ran) throw new vscode.FileSystemError(`Not saved: ${name} was not updated.`);
    this.bases.set(uri.toString(), await readSpecDocument(ctx, base.serviceId));
    this.times.set(uri.toString(), Date.now());
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.views.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.closed.dispose();
    this.changed.dispose();
    this.viewChanged.dispose();
  }

  readDirectory(): [string, vscode.FileType][] { return []; }
  createDirectory(): void { throw vscode.FileSystemError.NoPermissions('Service specs are files of their own.'); }
  delete(): void { throw vscode.FileSystemError.NoPermissions('Remove the service with Remove Service.'); }
  rename(): void { throw vscode.FileSystemError.NoPermissions('Swarm cannot rename a service.'); }

  private viewUri(doc: SpecDocument, what: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: SPEC_VIEW_SCHEME, path: `/${doc.serviceId}/${doc.spec.Name ?? 'service'}.${what}.v${doc.version}.yaml` });
    this.views.set(uri.toString(), text);
    this.viewChanged.fire(uri);
    return uri;
  }

  private operations(): OperationContext {
    const ctx = this.ctx.operations();
    if (!ctx) throw vscode.FileSystemError.Unavailable('Not connected to Docker: reconnect, then open the spec again.');
    return ctx;
  }
}
