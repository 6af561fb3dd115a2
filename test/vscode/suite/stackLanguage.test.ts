// The stack-file adapters in the real extension host: diagnostics as VS Code reports them, a quick
// fix applied through the code-action provider, completion and hover through their execute
// commands. The oracle for the file's mistake and for the fix is the real docker CLI.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { waitFor, workspaceFile } from './env';

const DOCKER = '/usr/local/bin/docker';

/** `docker stack config -c`: the CLI's own verdict on a file (undefined when it accepts it). */
function cliRejection(text: string): string | undefined {
  try {
    execFileSync(DOCKER, ['stack', 'config', '-c', '-'], { input: text, stdio: ['pipe', 'ignore', 'pipe'] });
    return undefined;
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e);
  }
}

export function stackLanguageTests(): void {
  describe('stack files (real extension host)', function () {
    this.timeout(60_000);
    let doc: vscode.TextDocument;

    before(async () => {
      doc = await vscode.workspace.openTextDocument(workspaceFile('broken-stack.yml'));
      await vscode.window.showTextDocument(doc);
    });

    it('reports the mistake the docker CLI rejects, at the key, with its code', async () => {
      const cli = cliRejection(doc.getText());
      assert.ok(cli && /Additional property replica is not allowed/.test(cli), `the CLI rejects it: ${cli}`);
      const diags = await waitFor('diagnostics', () => {
        const d = vscode.languages.getDiagnostics(doc.uri);
        return d.length > 0 ? d : undefined;
      });
      const d = diags.find((x) => doc.getText(x.range) === 'replica');
      assert.ok(d, `a diagnostic on "replica": ${JSON.stringify(diags.map((x) => [x.message, doc.getText(x.range)]))}`);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(d.code, 'unknown-key');
      assert.equal(d.source, 'swarm-lint');
    });

    it('the quick fix from the code-action provider makes a file the docker CLI accepts', async () => {
      const d = vscode.languages.getDiagnostics(doc.uri).find((x) => doc.getText(x.range) === 'replica');
      assert.ok(d);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range,
        vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => /replicas/.test(a.title));
      assert.ok(fix?.edit, `a fix naming replicas among ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(cliRejection(doc.getText()), undefined, 'the docker CLI accepts the fixed file');
      await waitFor('diagnostics cleared', () => vscode.languages.getDiagnostics(doc.uri).every((x) => x.severity !== vscode.DiagnosticSeverity.Error));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('completion inside deploy offers the keys the compose schema allows there', async () => {
      const valid = await vscode.workspace.openTextDocument(workspaceFile('docker-stack.yml'));
      const line = valid.lineAt(valid.getText().split('\n').findIndex((l) => /^\s+replicas:/.test(l)));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', valid.uri,
        new vscode.Position(line.lineNumber, line.firstNonWhitespaceCharacterIndex));
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      for (const k of ['placement', 'resources', 'restart_policy', 'rollback_config']) assert.ok(labels.includes(k), `${k} in ${labels.join(',')}`);
      assert.ok(!labels.includes('image'), 'service-level keys are not offered inside deploy');
    });

    it('hover on update_config names the key and its schema type (a mapping in the compose schema)', async () => {
      const valid = await vscode.workspace.openTextDocument(workspaceFile('docker-stack.yml'));
      const lineNo = valid.getText().split('\n').findIndex((l) => /update_config:/.test(l));
      const col = valid.lineAt(lineNo).text.indexOf('update_config') + 3;
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', valid.uri, new vscode.Position(lineNo, col));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
      assert.match(text, /update_config/);
      assert.match(text, /mapping/);
    });
  });
}
