// The injection grammar's regular expressions, checked on the values they are meant to colour.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Rule { match?: string; name?: string; patterns?: Rule[] }
const grammar = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'syntaxes', 'stack-yaml.injection.tmLanguage.json'), 'utf8')) as
  { scopeName: string; injectionSelector: string; repository: Record<string, Rule> };
const re = (rule: Rule | undefined) => new RegExp(rule?.match ?? '(?!)');

describe('stack YAML injection grammar', () => {
  it('is contributed for YAML', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as
      { contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] } };
    const g = pkg.contributes.grammars.find((x) => x.scopeName === grammar.scopeName);
    assert.ok(g && g.injectTo.includes('source.yaml'));
    assert.match(grammar.injectionSelector, /source\.yaml/);
  });

  it('colours interpolations with their required-variable message or default', () => {
    const interp = re(grammar.repository['interpolation']?.patterns?.[1]);
    const m = interp.exec('image: app:${TAG:?set TAG first}');
    assert.deepEqual([m?.[2], m?.[3], m?.[4]], ['TAG', ':?', 'set TAG first']);
    const d = interp.exec('${PORT:-8080}');
    assert.deepEqual([d?.[2], d?.[5], d?.[6]], ['PORT', ':-', '8080']);
    assert.equal(interp.exec('$${NOT}')?.index, 1, 'the $$ escape is matched first by its own rule');
  });

  it('colours placement constraints and their operator', () => {
    const c = re(grammar.repository['constraint']);
    assert.deepEqual(c.exec('- node.labels.zone == eu-1')?.slice(1, 3), ['node.labels.zone', '==']);
    assert.deepEqual(c.exec('"node.role!=manager"')?.slice(1, 3), ['node.role', '!=']);
    assert.equal(c.exec('node.rol == manager'), null);
  });
});
