// The log views' grammar, run by VS Code's own TextMate engine (vscode-textmate on vscode-oniguruma)
// on lines the real docker CLI printed (test/fixtures/logs.json).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { fixture } from '../support/fixtures';

const ROOT = path.join(__dirname, '..', '..');
const GRAMMAR = path.join(ROOT, 'syntaxes', 'swarm-log.tmLanguage.json');
const cli = (fixture('logs.json') as { cli: Record<string, { stdout: string[]; stderr: string[] }> }).cli;

let grammar: vsctm.IGrammar;

/** The scopes of each token of `line`, keyed by the token's text. */
function tokens(line: string): [string, string][] {
  const r = grammar.tokenizeLine(line, vsctm.INITIAL);
  return r.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.slice(1).join(' ')]);
}

function scopeOf(line: string, text: string): string {
  const hit = tokens(line).find(([t]) => t === text);
  assert.ok(hit, `no token "${text}" in ${JSON.stringify(tokens(line))}`);
  return hit[1];
}

describe('swarm-log grammar', () => {
  before(async () => {
    const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scope) => (scope === 'text.swarm-log' ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null),
    });
    const g = await registry.loadGrammar('text.swarm-log');
    if (!g) throw new Error('grammar did not load');
    grammar = g;
  });

  it('is contributed for the swarm-log language', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as
      { contributes: { grammars: { language?: string; scopeName: string }[]; languages: { id: string }[] } };
    assert.ok(pkg.contributes.languages.some((l) => l.id === 'swarm-log'));
    assert.ok(pkg.contributes.grammars.some((g) => g.language === 'swarm-log' && g.scopeName === 'text.swarm-log'));
  });

  it('colours the parts of the CLI\'s prefix, padded or not', () => {
    for (const line of [...cli['service']!.stdout, ...cli['global']!.stdout, ...cli['task']!.stdout]) {
      const m = /^([\w.-]+?)\.(\d+)\.(\w{12})@(\S+?)( +\| )/.exec(line);
      assert.ok(m, line);
      assert.match(scopeOf(line, m[1]!), /entity\.name\.function\.service/, line);
      assert.match(scopeOf(line, m[2]!), /constant\.numeric\.slot/);
      assert.match(scopeOf(line, m[3]!), /variable\.other\.task/);
      assert.match(scopeOf(line, m[4]!), /entity\.name\.type\.node/);
      assert.match(scopeOf(line, m[5]!), /punctuation\.separator\.prefix/);
    }
  });

  it('colours the leading timestamp of docker service logs -t', () => {
    const line = cli['serviceTimestamps']!.stdout[0]!;
    assert.match(scopeOf(line, line.slice(0, line.indexOf(' '))), /constant\.numeric\.timestamp/);
  });

  it('colours levels and dates in messages, and not inside words', () => {
    const lines = cli['service']!;
    const info = lines.stdout.find((l) => l.includes('INFO'))!;
    const warn = lines.stdout.find((l) => l.includes('WARN'))!;
    const dated = lines.stdout.find((l) => l.includes('DEBUG'))!;
    const error = lines.stderr.find((l) => l.includes('ERROR'))!;
    assert.match(scopeOf(info, 'INFO'), /log\.info/);
    assert.match(scopeOf(warn, 'WARN'), /log\.warning/);
    assert.match(scopeOf(dated, 'DEBUG'), /log\.debug/);
    assert.match(scopeOf(dated, '2024-01-02T03:04:05Z'), /log\.date/);
    assert.match(scopeOf(error, 'ERROR'), /log\.error/);
    assert.match(scopeOf('web.1.abcdefghijkl@n1    | level=error msg="x"', 'level=error'), /log\.error/);
    assert.doesNotMatch(scopeOf('web.1.abcdefghijkl@n1    | TERRORS', 'TERRORS'), /log\.error/);
  });

  it('tells our notices from log lines', () => {
    const notice = '--- 2 earlier lines dropped: this view keeps at most 3 (setting swarm.logs.maxLines) ---';
    assert.match(scopeOf(notice, notice), /comment\.line\.notice/);
  });
});
