import assert from 'node:assert/strict';
import { LintSession, type LintableDocument } from '../../src/language/lintSession';
import { lintStack } from '../../src/stackLint';
import { ManualClock } from '../support/manualClock';

class Doc implements LintableDocument {
  version = 1;
  isClosed = false;
  constructor(readonly key: string, public text: string) {}
  getText(): string { return this.text; }
  edit(text: string): void { this.text = text; this.version++; }
}

const BAD = 'version: "3.8"\nservices:\n  web:\n    imag: x\n';
const GOOD = 'version: "3.8"\nservices:\n  web:\n    image: x\n';

describe('LintSession (editor lint scheduling)', () => {
  let clock: ManualClock;
  let published: { key: string; codes: string[] }[];
  let cleared: string[];
  let session: LintSession<Doc>;

  beforeEach(() => {
    clock = new ManualClock();
    published = [];
    cleared = [];
    session = new LintSession<Doc>({
      lint: (d) => lintStack(d.getText()),
      publish: (d, found) => published.push({ key: d.key, codes: found.map((f) => f.code) }),
      clear: (key) => cleared.push(key),
      scheduler: clock,
      delayMs: () => 300,
    });
  });

  it('debounces per document: a burst of edits is linted once, after the pause', () => {
    const doc = new Doc('a.yml', GOOD);
    session.changed(doc);
    for (let i = 0; i < 5; i++) { clock.advance(100); doc.edit(i % 2 ? GOOD : BAD); session.changed(doc); }
    assert.equal(session.runs, 0);
    clock.advance(300);
    assert.equal(session.runs, 1);
    assert.deepEqual(published, [{ key: 'a.yml', codes: ['missing-image', 'unknown-key'] }]);
  });

  it('documents debounce independently', () => {
    const a = new Doc('a.yml', BAD);
    const b = new Doc('b.yml', GOOD);
    session.changed(a);
    clock.advance(200);
    session.changed(b);
    clock.advance(100);
    assert.deepEqual(published.map((p) => p.key), ['a.yml']);
    clock.advance(200);
    assert.deepEqual(published.map((p) => p.key), ['a.yml', 'b.yml']);
  });

  it('a run scheduled for an older version is dropped (cancellation)', () => {
    const doc = new Doc('a.yml', BAD);
    session.changed(doc);
    doc.edit(GOOD); // edited without a change notification yet: the pending run is stale
    clock.advance(300);
    assert.equal(session.runs, 0);
    assert.deepEqual(published, []);
  });

  it('results are only handed out for the version they were computed for (quick fixes on edited text)', () => {
    const doc = new Doc('a.yml', BAD);
    session.changed(doc);
    clock.advance(300);
    assert.equal(session.resultsOf('a.yml', doc.version).length, 2);
    doc.edit('\n' + BAD); // every position moved down one line
    session.changed(doc);
    assert.deepEqual(session.resultsOf('a.yml', doc.version), [], 'stale until re-checked');
    clock.advance(300);
    assert.equal(session.resultsOf('a.yml', doc.version)[0]?.range.start.line, 3);
  });

  it('closing clears the results and cancels a pending run', () => {
    const doc = new Doc('a.yml', BAD);
    session.changed(doc);
    clock.advance(300);
    assert.equal(session.resultsOf('a.yml').length, 2);
    doc.edit(GOOD);
    session.changed(doc);
    doc.isClosed = true;
    session.closed('a.yml');
    clock.advance(300);
    assert.deepEqual(cleared, ['a.yml']);
    assert.equal(session.resultsOf('a.yml').length, 0);
    assert.equal(session.runs, 1);
  });
});
