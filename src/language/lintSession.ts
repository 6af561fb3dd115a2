// When to lint which document, without VS Code: after a pause in typing (per-document debounce),
// only if the document is still at the version that was scheduled (a newer edit or a close cancels),
// and clearing a document's results when it closes. StackDiagnostics wires it to VS Code's events.
import type { StackDiagnostic } from '../stackLint';
import type { Scheduler } from '../domain/scheduler';
import { KeyedDebouncer } from './debounce';

export interface LintableDocument {
  readonly key: string;
  readonly version: number;
  readonly isClosed: boolean;
  getText(): string;
}

export interface LintSessionOptions<D extends LintableDocument> {
  readonly lint: (doc: D) => readonly StackDiagnostic[];
  readonly publish: (doc: D, diagnostics: readonly StackDiagnostic[]) => void;
  readonly clear: (key: string) => void;
  readonly scheduler: Scheduler;
  readonly delayMs: () => number;
}

export class LintSession<D extends LintableDocument> {
  private readonly debouncer: KeyedDebouncer<string>;
  private readonly results = new Map<string, { readonly version: number; readonly diagnostics: readonly StackDiagnostic[] }>();
  /** How many lints ran (tests and benchmarks read it). */
  runs = 0;

  constructor(private readonly options: LintSessionOptions<D>) {
    this.debouncer = new KeyedDebouncer(options.scheduler, options.delayMs);
  }

  /**
   * The diagnostics last published for a document; with `version`, only if they were computed for
   * that version (quick fixes must not apply old positions to newer text).
   */
  resultsOf(key: string, version?: number): readonly StackDiagnostic[] {
    const r = this.results.get(key);
    return r && (version === undefined || r.version === version) ? r.diagnostics : [];
  }

  /** The document was opened or edited. */
  changed(doc: D): void {
    const version = doc.version;
    this.debouncer.run(doc.key, () => {
      if (doc.isClosed || doc.version !== version) return; // cancelled: closed, or a newer run is scheduled
      this.runs++;
      const found = this.options.lint(doc);
      if (doc.isClosed || doc.version !== version) return; // changed while linting
      this.results.set(doc.key, { version, diagnostics: found });
      this.options.publish(doc, found);
    });
  }

  /** The document closed, or stopped being a stack file: cancel its pending run and clear its results. */
  closed(key: string): void {
    this.debouncer.cancel(key);
    const had = this.results.delete(key);
    if (had) this.options.clear(key);
  }

  dispose(): void {
    this.debouncer.dispose();
    this.results.clear();
  }
}
