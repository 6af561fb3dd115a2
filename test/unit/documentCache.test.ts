import assert from 'node:assert/strict';
import { StackDocumentCache } from '../../src/language/documentCache';
import { lintDocument } from '../../src/stackLint';
import { completionsAt, hoverAt } from '../../src/stackLint/assist';
import { quickFixesFor } from '../../src/stackLint/fixes';

class Doc {
  version = 1;
  reads = 0;
  constructor(readonly key: string, private text: string) {}
  getText(): string { this.reads++; return this.text; }
  edit(text: string): void { this.text = text; this.version++; }
}

describe('StackDocumentCache (one reading per document version)', () => {
  it('diagnostics, quick fixes, completion and hover of a version share one reading', () => {
    const cache = new StackDocumentCache(() => ({}));
    const doc = new Doc('file:///a/docker-stack.yml', 'services:\n  web:\n    image: nginx\n    deploy:\n      replica: 2\n');
    const found = lintDocument(cache.get(doc));
    assert.deepEqual(found.map((d) => d.code), ['unknown-key']);
    const [d] = found;
    assert.ok(d);
    assert.deepEqual(quickFixesFor(cache.get(doc), d).map((f) => f.title), ['Change to `replicas`']);
    completionsAt(cache.get(doc), 40);
    hoverAt(cache.get(doc), 40);
    assert.deepEqual([cache.reads, doc.reads], [1, 1]);
    doc.edit('services:\n  web:\n    image: nginx\n');
    assert.deepEqual(lintDocument(cache.get(doc)), []);
    assert.deepEqual([cache.reads, doc.reads], [2, 2]);
  });

  it('keeps only the latest version of a document, and forgets closed ones', () => {
    const cache = new StackDocumentCache(() => undefined);
    const doc = new Doc('k', 'services: {}\n');
    const first = cache.get(doc);
    doc.edit('services:\n  a:\n    image: x\n');
    assert.notEqual(cache.get(doc), first);
    cache.forget('k');
    cache.get(doc);
    assert.equal(cache.reads, 3);
  });
});
