// Wiring that unit tests cannot see: when the extension activates, and what it registers.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extension, waitFor, workspaceFile } from './env';

interface Manifest { activationEvents?: string[]; contributes: { commands: { command: string }[] } }

export function activationTests(): void {
  describe('activation and registration (real extension host)', () => {
    it('runs in VS Code\'s Node extension host', () => {
      assert.match(vscode.version, /^1\.\d+\.\d+/);
      assert.equal(typeof process.versions.node, 'string');
    });

    it('is not active before anything asks for it; opening a stack file activates it', async () => {
      const ext = extension();
      assert.equal(ext.isActive, false, 'nothing activated the extension yet');
      const doc = await vscode.workspace.openTextDocument(workspaceFile('docker-stack.yml'));
      await vscode.window.showTextDocument(doc);
      await waitFor('activation', () => ext.isActive, 20_000);
    });

    it('registers every command package.json contributes', async () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(extension().extensionPath, 'package.json'), 'utf8')) as Manifest;
      const registered = new Set(await vscode.commands.getCommands(true));
      const missing = manifest.contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
      assert.deepEqual(missing, []);
      assert.ok(manifest.contributes.commands.length >= 2);
    });
  });
}
