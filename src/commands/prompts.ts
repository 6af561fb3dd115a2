// The input steps actions ask for, each validated as the user types by the domain's validators
// (src/domain/validate): a text box, a pick that also takes free input, a pick of one or several.
// Every step resolves to undefined when the user presses Escape.
import * as vscode from 'vscode';

export interface TextStep {
  readonly title: string;
  readonly prompt: string;
  readonly value?: string;
  readonly placeholder?: string;
  /** An error message, or undefined when the text is fine. */
  readonly validate?: (text: string) => string | undefined;
  /** Masked (keys, tokens). */
  readonly password?: boolean;
}

export async function askText(step: TextStep): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: step.title, prompt: step.prompt, value: step.value, placeHolder: step.placeholder, password: step.password,
    ignoreFocusOut: true, validateInput: step.validate,
  });
}

export interface PickItem<T> extends vscode.QuickPickItem {
  readonly value: T;
}

/** A pick among `items` that also accepts what the user types (`fromText` turns it into a value). */
export function pickOrType<T>(step: { readonly title: string; readonly placeholder: string; readonly items: readonly PickItem<T>[];
  readonly fromText: (text: string) => T; readonly validate?: (text: string) => string | undefined; readonly typedLabel?: (text: string) => string }): Promise<T | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<PickItem<T | undefined>>();
    qp.title = step.title;
    qp.placeholder = step.placeholder;
    qp.ignoreFocusOut = true;
    const base: PickItem<T | undefined>[] = [...step.items];
    let typed = '';
    const refresh = (): void => {
      const problem = typed === '' ? undefined : step.validate?.(typed);
      const exact = base.some((i) => i.label === typed);
      const own: PickItem<T | undefined>[] = typed === '' || exact ? [] : [{
        label: step.typedLabel?.(typed) ?? typed, description: problem ? `$(error) ${problem}` : 'typed', value: problem ? undefined : step.fromText(typed), alwaysShow: true,
      }];
      qp.items = [...own, ...base];
    };
    refresh();
    let done = false;
    const finish = (v: T | undefined): void => { if (!done) { done = true; resolve(v); qp.dispose(); } };
    qp.onDidChangeValue((v) => { typed = v.trim(); refresh(); });
    qp.onDidAccept(() => {
      const chosen = qp.selectedItems[0];
      if (chosen && chosen.value !== undefined) finish(chosen.value);
    });
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

export async function pickOne<T>(title: string, placeholder: string, items: readonly PickItem<T>[]): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title, placeHolder: placeholder, ignoreFocusOut: true }))?.value;
}

export async function pickMany<T>(title: string, placeholder: string, items: readonly PickItem<T>[]): Promise<T[] | undefined> {
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: placeholder, canPickMany: true, ignoreFocusOut: true });
  return picked?.map((p) => p.value);
}
