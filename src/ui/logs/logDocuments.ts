// Log views: one read-only document per stream, in the swarm-log language
// (syntaxes/swarm-log.tmLanguage.json), served by a read-only file system (`swarm-logs:` scheme).
// Why a document rather than an output channel: a document's tab can be closed, and closing it
// stops the stream (an output channel cannot be closed by the user, so its stream would run until
// VS Code quits); it can be searched, copied and saved; several stay side by side. Why a file system
// rather than a TextDocumentContentProvider: VS Code replaces a provider's document whole at each
// change once it is over 100,000 characters (and re-colours all of it), while a changed file is
// compared line by line, so a batch of new lines costs only those lines. The view still re-reads the
// whole text per batch, so it keeps the newest `swarm.logs.maxLines` lines (with a notice of the
// dropped ones) and re-renders in batches, less often as it grows (src/domain/logs/logBuffer.ts).
import * as vscode from 'vscode';
import { DEFAULT_VIEW_TIMING, LogView } from '../../domain/logs/logBuffer';
import { timerScheduler } from '../../domain/scheduler';
import type { LogSession } from '../../operations/logs/logSession';

export const LOG_SCHEME = 'swarm-logs';

/** URIs come back from VS Code re-encoded (`n%3D1`): key views by the decoded path and query. */
function keyOf(uri: vscode.Uri): string {
  return `${uri.scheme}:${uri.path}?${uri.query}`;
}

export interface LogViewSettings {
  readonly maxLines: number;
  readonly timestamps: boolean;
}

interface OpenView {
  readonly view: LogView;
  /** The text as the file's bytes, and when it last changed (a file's mtime must move on). */
  bytes: Uint8Array;
  mtime: number;
  readonly session: LogSession;
  following: boolean;
  /** Its tab has been shown (before that, no tab showing it does not mean it was closed). */
  shown: boolean;
  /** The document's line count when last seen, to tell whether the user was at the end. */
  lines: number;
}

const CLOSED = new TextEncoder().encode('--- this log view was closed: open the logs again ---');

export class LogDocuments implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly encoder = new TextEncoder();
  private readonly views = new Map<string, OpenView>();
  private readonly subscriptions: vscode.Disposable[];
  private counter = 0;

  constructor() {
    this.subscriptions = [
      vscode.workspace.registerFileSystemProvider(LOG_SCHEME, this, { isReadonly: true, isCaseSensitive: true }),
      // A view closes when no tab shows its document any more.
      vscode.window.tabGroups.onDidChangeTabs(() => this.closeUnshown()),
      // Setting the language closes and reopens the document: only a shown view closes with it.
      vscode.workspace.onDidCloseTextDocument((d) => { if (d.uri.scheme === LOG_SCHEME && this.views.get(keyOf(d.uri))?.shown) this.close(keyOf(d.uri)); }),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.document.uri.scheme === LOG_SCHEME) this.follow(e.document); }),
    ];
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const v = this.views.get(keyOf(uri));
    return { type: vscode.FileType.File, ctime: 0, mtime: v?.mtime ?? 0, size: (v?.bytes ?? CLOSED).length, permissions: vscode.FilePermission.Readonly };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return this.views.get(keyOf(uri))?.bytes ?? CLOSED;
  }

  watch(): vscode.Disposable { return new vscode.Disposable(() => undefined); }
  readDirectory(): [string, vscode.FileType][] { return []; }
  createDirectory(uri: vscode.Uri): void { throw vscode.FileSystemError.NoPermissions(uri); }
  writeFile(uri: vscode.Uri): void { throw vscode.FileSystemError.NoPermissions(uri); }
  delete(uri: vscode.Uri): void { throw vscode.FileSystemError.NoPermissions(uri); }
  rename(uri: vscode.Uri): void { throw vscode.FileSystemError.NoPermissions(uri); }

  /** Opens a view of the session's stream, named `title` (e.g. "web.log") and headed by `header`, and starts the stream. */
  async open(title: string, header: string, session: LogSession, settings: LogViewSettings): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: LOG_SCHEME, path: `/${title}`, query: `n=${++this.counter}` });
    const key = keyOf(uri);
    const view = new LogView({ maxLines: settings.maxLines, timestamps: settings.timestamps, ...DEFAULT_VIEW_TIMING },
      timerScheduler, () => Date.now(), (text) => {
        open.bytes = this.encoder.encode(text);
        open.mtime = Math.max(open.mtime + 1, Date.now());
        this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
      });
    const open: OpenView = { view, bytes: CLOSED, mtime: 0, session, following: true, shown: false, lines: 1 };
    this.views.set(key, open);
    view.push([{ kind: 'notice', text: header }]);
    view.flush();
    const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'swarm-log');
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    open.shown = true;
    this.updateContext(editor);
    try {
      await session.start({
        onEntries: (entries) => view.push(entries),
        onEnd: (error) => {
          open.following = false;
          view.push([{ kind: 'notice', text: error ? `stream lost: ${error.message}` : 'stream ended' }]);
          view.flush();
          this.updateContext(vscode.window.activeTextEditor);
        },
      });
    } catch (e) {
      this.close(key);
      throw e;
    }
    return editor;
  }

  has(uri: vscode.Uri): boolean { return this.views.has(keyOf(uri)); }

  toggleTimestamps(uri: vscode.Uri): void {
    const v = this.views.get(keyOf(uri));
    if (v) v.view.setTimestamps(!v.view.timestamps);
  }

  /** Stops following; the lines stay. */
  stop(uri: vscode.Uri): void {
    const v = this.views.get(keyOf(uri));
    if (!v || !v.following) return;
    v.following = false;
    v.session.stop();
    v.view.push([{ kind: 'notice', text: 'stopped following' }]);
    v.view.flush();
    this.updateContext(vscode.window.activeTextEditor);
  }

  /** `swarm.logs.following` drives the Stop button of the editor title. */
  updateContext(editor: vscode.TextEditor | undefined): void {
    const v = editor && this.views.get(keyOf(editor.document.uri));
    void vscode.commands.executeCommand('setContext', 'swarm.logs.following', v?.following === true);
  }

  /** Keeps an editor at the bottom when the user was there before the change (as a terminal does). */
  private follow(doc: vscode.TextDocument): void {
    const v = this.views.get(keyOf(doc.uri));
    if (!v) return;
    const before = v.lines;
    v.lines = doc.lineCount;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== doc) continue;
      if (!editor.visibleRanges.some((r) => r.end.line >= before - 2)) continue;
      const end = new vscode.Position(doc.lineCount - 1, 0);
      editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.Default);
    }
  }

  private closeUnshown(): void {
    const shown = new Set<string>();
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputText) shown.add(keyOf(tab.input.uri));
    }
    for (const [key, v] of [...this.views]) if (v.shown && !shown.has(key)) this.close(key);
  }

  private close(key: string): void {
    const v = this.views.get(key);
    if (!v) return;
    this.views.delete(key);
    v.session.stop();
    v.view.dispose();
  }

  dispose(): void {
    for (const key of [...this.views.keys()]) this.close(key);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
