import assert from 'node:assert/strict';
import { range, expectOne, codes } from '../support/stackLintHelpers';


describe('stackLint: YAML level', () => {
  it('yaml-syntax: reports the parser error at its position', () => {
    const d = expectOne('services:\n  web:\n    image: a: b\n', 'yaml-syntax', 'error', range(2, 11, 2, 12));
    assert.match(d.message, /YAML syntax error/);
  });
  it('yaml-syntax: an unclosed flow collection at its opening bracket (go-yaml names that line too), not at the end of the file', () => {
    const d = expectOne('services:\n  web:\n    image: a\n    ports: [80\n', 'yaml-syntax', 'error', range(3, 11, 3, 12));
    assert.match(d.message, /never closed: it needs a `\]`/);
  });
  it('yaml-syntax: none for valid YAML', () => {
    assert.deepEqual(codes('services:\n  web:\n    image: nginx\n'), []);
  });

  it('yaml-tab: at the tab used for indentation', () => {
    const text = 'services:\n  web:\n\timage: nginx\n';
    const d = expectOne(text, 'yaml-tab', 'error', range(2, 0, 2, 1));
    assert.match(d.message, /spaces/);
  });
  it('yaml-tab: a tab inside a value is fine', () => {
    assert.ok(!codes('services:\n  web:\n    image: nginx\n    command: "a\tb"\n').includes('yaml-tab'));
  });

  it('duplicate-key: at the second occurrence', () => {
    const d = expectOne('services:\n  web:\n    image: a\n    image: b\n', 'duplicate-key', 'error', range(3, 4, 3, 9));
    assert.match(d.message, /`image`/);
  });
  it('duplicate-key: same key in different maps is fine', () => {
    assert.ok(!codes('services:\n  a:\n    image: x\n  b:\n    image: y\n').includes('duplicate-key'));
  });
});

describe('stackLint: version', () => {
  for (const v of ['"3"', '"3.0"', '"3.8"', '"3.9"', '"3.13"']) {
    it(`accepts version ${v}`, () => {
      assert.ok(!codes(`version: ${v}\nservices:\n  web:\n    image: nginx\n`).includes('bad-version'));
    });
  }
  it('no version at all is accepted silently', () => {
    assert.deepEqual(codes('services:\n  web:\n    image: nginx\n'), []);
  });
  it('bad-version: compose v2 files', () => {
    const d = expectOne('version: "2.4"\nservices:\n  web:\n    image: nginx\n', 'bad-version', 'error', range(0, 9, 0, 14));
    assert.match(d.message, /3\.x/);
  });
  it('bad-version: the version must be a quoted string ("version must be a string")', () => {
    const d = expectOne('version: 3.10\n', 'bad-version', 'error', range(0, 9, 0, 13));
    assert.equal(d.data?.suggestion, '"3.10"');
    assert.equal(expectOne('version: 3\n', 'bad-version', 'error', range(0, 9, 0, 10)).data?.suggestion, '"3"');
  });
  it('bad-version: 3.14 and later are not known to CLI 28', () => {
    expectOne('version: "3.14"\n', 'bad-version', 'error', range(0, 9, 0, 15));
  });
});
