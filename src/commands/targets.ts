// The one resolver of command arguments. From a tree menu VS Code passes `(element, selected)`;
// from an inline icon `(element)`; from the palette nothing, and the user picks the targets from
// the store in a QuickPick (several where the action applies to several).
import * as vscode from 'vscode';
import type { Kind, ObjectOfKind } from '../domain/model';
import type { ClusterView } from '../store/types';

/** What a tree element showing a Swarm object carries (the tree may change shape around it). */
export interface ObjectRef {
  readonly kind: Kind;
  readonly id: string;
}

export function isObjectRef(value: unknown): value is ObjectRef {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof ObjectRef, unknown>>;
  return typeof v.kind === 'string' && typeof v.id === 'string';
}

export interface TargetSpec<K extends Kind> {
  readonly kind: K;
  /** The action applies to several objects at once. */
  readonly many?: boolean;
  /** QuickPick placeholder: "Node to drain". */
  readonly placeholder: string;
  /** Offered in the palette only when true (the check still decides, with its reason). */
  readonly offers?: (o: ObjectOfKind[K]) => boolean;
  /** Said when no object qualifies: "Every node is drained already." */
  readonly none: string;
}

/** The label of an object in pickers and messages. */
export function nameOf(o: ObjectOfKind[Kind]): string {
  if ('hostname' in o) return o.hostname;
  if ('name' in o) return o.name;
  return o.id.slice(0, 12);
}

function describeForPick(o: ObjectOfKind[Kind]): string {
  if ('hostname' in o) return `${o.role}${o.managerStatus?.leader ? ' (leader)' : ''} · ${o.availability} · ${o.state}`;
  if ('mode' in o) return `${o.mode.kind === 'replicated' ? `${o.mode.replicas} replicas` : o.mode.kind} · ${o.image}`;
  return o.id.slice(0, 12);
}

/** The targets, or undefined when the user cancelled the pick or nothing qualifies (said so). */
export async function resolveTargets<K extends Kind>(view: ClusterView, spec: TargetSpec<K>, args: readonly unknown[]): Promise<ObjectOfKind[K][] | undefined> {
  const [clicked, selected] = args;
  if (isObjectRef(clicked) && clicked.kind === spec.kind) {
    const inSelection = Array.isArray(selected) && selected.some((s) => isObjectRef(s) && s.kind === clicked.kind && s.id === clicked.id);
    const refs: ObjectRef[] = spec.many && inSelection ? selected.filter((s): s is ObjectRef => isObjectRef(s) && s.kind === spec.kind) : [clicked];
    const found = refs.map((r) => view.get(spec.kind, r.id)).filter((o): o is ObjectOfKind[K] => o !== undefined);
    if (found.length === 0) void vscode.window.showWarningMessage(`That ${spec.kind} no longer exists on ${view.endpointLabel}.`);
    return found.length > 0 ? found : undefined;
  }
  const candidates = view.all(spec.kind).filter((o) => spec.offers?.(o) ?? true);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(spec.none);
    return undefined;
  }
  const items = [...candidates].sort((a, b) => nameOf(a).localeCompare(nameOf(b)))
    .map((o) => ({ label: nameOf(o), description: describeForPick(o), target: o }));
  if (spec.many) {
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder: spec.placeholder, ignoreFocusOut: true });
    return picked && picked.length > 0 ? picked.map((p) => p.target) : undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: spec.placeholder, ignoreFocusOut: true });
  return picked ? [picked.target] : undefined;
}
