// One reading of a stack file per document version (src/stack/document.ts), shared by diagnostics,
// quick fixes, completion and hover: each asks the cache, which parses a version once and keeps only
// the latest version of each open document. Free of VS Code, so the unit tests drive it.
import { readStack, type StackDocument } from '../stack/document';
import type { Env } from '../stack/template';

export interface VersionedText {
  readonly key: string;
  readonly version: number;
  getText(): string;
}

export class StackDocumentCache {
  private readonly byKey = new Map<string, { readonly version: number; readonly doc: StackDocument }>();
  /** How many times a document was read (tests and benchmarks read it). */
  reads = 0;

  /** `env`: the variables `docker stack deploy` would see (the extension's environment). */
  constructor(private readonly env: () => Env | undefined) {}

  get(d: VersionedText): StackDocument {
    const hit = this.byKey.get(d.key);
    if (hit && hit.version === d.version) return hit.doc;
    this.reads++;
    const doc = readStack(d.getText(), this.env());
    this.byKey.set(d.key, { version: d.version, doc });
    return doc;
  }

  forget(key: string): void {
    this.byKey.delete(key);
  }

  dispose(): void {
    this.byKey.clear();
  }
}
