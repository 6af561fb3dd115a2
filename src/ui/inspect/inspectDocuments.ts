// Inspect: any Swarm object as the Engine's JSON (or YAML, `swarm.inspect.format`) in a read-only
// virtual document that follows the object while it stays open: a store change naming the object
// fetches it again. URIs read `swarm-inspect:/service/web.json?id=<id>`, so the tab names the object.
import * as vscode from 'vscode';
import { stringify } from 'yaml';
import type { Kind } from '../../domain/model';
import type { ClusterView } from '../../store/types';

export const INSPECT_SCHEME = 'swarm-inspect';

export type Fetch = (kind: Kind, id: string) => Promise<unknown>;

interface Open { readonly kind: Kind; readonly id: string }

function parse(uri: vscode.Uri): Open | undefined {
  const kind = uri.path.split('/')[1] as Kind | undefined;
  const id = new URLSearchParams(uri.query).get('id');
  return kind && id ? { kind, id } : undefined;
}

export function inspectUri(kind: Kind, name: string, id: string, format: 'json' | 'yaml'): vscode.Uri {
  const safe = name.replace(/[/\\?#]/g, '_') || id.slice(0, 12);
  return vscode.Uri.from({ scheme: INSPECT_SCHEME, path: `/${kind}/${safe}.${format}`, query: `id=${id}` });
}

/** A config's Engine JSON carries its data (base64); the tree and its documents never show data. */
function redact(kind: Kind, raw: unknown): unknown {
  if (kind !== 'config' && kind !== 'secret') return raw;
  const o = raw as { Spec?: { Data?: unknown } };
  if (typeof o.Spec?.Data !== 'string') return raw;
  const bytes = Buffer.from(o.Spec.Data, 'base64').length;
  return { ...o, Spec: { ...o.Spec, Data: `<${bytes} bytes, not shown>` } };
}

export class InspectDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private view: ClusterView | undefined;
  private fetch: Fetch | undefined;
  private subscription: vscode.Disposable | undefined;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(INSPECT_SCHEME, this);

  /** Follows another store (or none) and reads objects through `fetch`. */
  setView(view: ClusterView | undefined, fetch: Fetch | undefined): void {
    this.subscription?.dispose();
    this.view = view;
    this.fetch = fetch;
    this.subscription = view?.onDidChange((batch) => {
      for (const doc of vscode.workspace.textDocuments) {
        if (doc.uri.scheme !== INSPECT_SCHEME) continue;
        const o = parse(doc.uri);
        if (!o) continue;
        const touched = batch.resync || batch.changes.some((c) => c.kind === o.kind && [...c.updated, ...c.removed, ...c.added].includes(o.id));
        if (touched) this.changed.fire(doc.uri);
      }
    });
    for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === INSPECT_SCHEME) this.changed.fire(doc.uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const o = parse(uri);
    if (!o) return `// Not a Swarm object: ${uri.toString()}`;
    const where = this.view?.endpointLabel ?? 'Docker';
    if (!this.fetch) return `// Not connected to ${where}: the ${o.kind} ${o.id} cannot be read.`;
    let raw: unknown;
    try {
      raw = await this.fetch(o.kind, o.id);
    } catch (e) {
      return `// Reading the ${o.kind} ${o.id} from ${where} failed: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (raw === undefined) return `// The ${o.kind} ${o.id} no longer exists on ${where}.`;
    const shown = redact(o.kind, raw);
    return uri.path.endsWith('.yaml') ? stringify(shown) : `${JSON.stringify(shown, null, 2)}\n`;
  }

  dispose(): void {
    this.subscription?.dispose();
    this.registration.dispose();
    this.changed.dispose();
  }
}
