// The questions of Create/Rotate secret and config: a name (checked as the Engine checks it, as you
// type) and a value — from a file, from the active editor (configs), or typed into a masked input
// box (secrets). The typed value is held only long enough to send it; it is never shown or logged.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkData, checkObjectName, type NamedKind } from '../../domain/resources/validate';
import type { ValueSource } from '../../operations/named/kinds';

export interface NamedValue {
  readonly data: Uint8Array;
  readonly source: ValueSource;
}

export function askName(kind: NamedKind, existing: readonly string[], options: { value?: string; prompt: string }): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: options.prompt, value: options.value, ignoreFocusOut: true,
    prompt: `Letters, digits, "-", "_" and "."; at most 64 characters.`,
    validateInput: (v) => checkObjectName(kind, v.trim(), existing),
  }).then((v) => v?.trim());
}

async function fromFile(kind: NamedKind): Promise<NamedValue | undefined> {
  const [uri] = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: `Use as the ${kind}'s value` }) ?? [];
  if (!uri) return undefined;
  const data = await vscode.workspace.fs.readFile(uri);
  const problem = checkData(kind, data.length);
  if (problem) { void vscode.window.showErrorMessage(`${uri.fsPath}: ${problem}`); return undefined; }
  return { data, source: { kind: 'file', path: uri.fsPath } };
}

async function typed(): Promise<NamedValue | undefined> {
  const value = await vscode.window.showInputBox({
    title: 'Secret value', password: true, ignoreFocusOut: true,
    prompt: 'Typed here, sent to the Engine only: it is not shown, logged or kept.',
    validateInput: (v) => checkData('secret', new TextEncoder().encode(v).length),
  });
  return value === undefined ? undefined : { data: new TextEncoder().encode(value), source: { kind: 'input' } };
}

function fromEditor(editor: vscode.TextEditor): NamedValue | undefined {
  const doc = editor.document;
  const data = new TextEncoder().encode(doc.getText());
  const problem = checkData('config', data.length);
  if (problem) { void vscode.window.showErrorMessage(`${path.basename(doc.fileName)}: ${problem}`); return undefined; }
  // A saved file is what `docker config create NAME FILE` would read; unsaved text goes as `-`.
  const saved = doc.uri.scheme === 'file' && !doc.isDirty;
  return { data, source: { kind: 'editor', label: path.basename(doc.fileName), ...(saved ? { path: doc.uri.fsPath } : {}) } };
}

/** Where the value comes from: a masked box or a file for secrets; the active editor or a file for configs. */
export async function askValue(kind: NamedKind): Promise<NamedValue | undefined> {
  const editor = vscode.window.activeTextEditor;
  const items: { label: string; description?: string; pick: () => Promise<NamedValue | undefined> | NamedValue | undefined }[] = kind === 'secret'
    ? [{ label: '$(lock) Type the value', description: 'masked, never shown', pick: typed }, { label: '$(file) From a file…', pick: () => fromFile(kind) }]
    : [
      ...(editor ? [{ label: '$(edit) From the active editor', description: path.basename(editor.document.fileName), pick: () => fromEditor(editor) }] : []),
      { label: '$(file) From a file…', pick: () => fromFile(kind) },
    ];
  const chosen = await vscode.window.showQuickPick(items, { title: `The ${kind}'s value`, ignoreFocusOut: true });
  return chosen?.pick();
}

/** A name suggestion from a file or editor name: what a secret/config name allows, at most 64 characters. */
export function suggestName(source: ValueSource): string | undefined {
  const base = source.kind === 'file' ? path.basename(source.path) : source.kind === 'editor' ? source.label : undefined;
  const cleaned = base?.replace(/[^a-zA-Z0-9-_.]+/g, '_').replace(/^[^a-zA-Z0-9]+|[^a-zA-Z0-9]+$/g, '').slice(0, 64);
  return cleaned || undefined;
}
