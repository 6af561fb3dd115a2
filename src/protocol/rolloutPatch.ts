// Views as patches: the host sends `diffView(previous, next)`, the webview rebuilds `next` with
// `applyPatch(previous, patch)`. Pure and shared by both sides.
import { mergeTimeline } from '../domain/rollout/timeline';
import type { RolloutView, SlotRow } from '../domain/rollout/view';
import type { RolloutPatch } from './rollout';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function isEmptyPatch(p: RolloutPatch): boolean {
  return !p.header && !p.upsert && !p.remove && !p.order && !p.timeline;
}

export function diffView(prev: RolloutView, next: RolloutView): RolloutPatch {
  const before = new Map(prev.rows.map((r) => [r.key, r]));
  const upsert = next.rows.filter((r) => !same(before.get(r.key), r));
  const keys = new Set(next.rows.map((r) => r.key));
  const remove = prev.rows.filter((r) => !keys.has(r.key)).map((r) => r.key);
  const order = next.rows.map((r) => r.key);
  const known = new Set(prev.timeline.map((e) => e.id));
  const timeline = next.timeline.filter((e) => !known.has(e.id));
  return {
    ...(same(prev.header, next.header) ? {} : { header: next.header }),
    ...(upsert.length > 0 ? { upsert } : {}),
    ...(remove.length > 0 ? { remove } : {}),
    ...(same(prev.rows.map((r) => r.key), order) ? {} : { order }),
    ...(timeline.length > 0 ? { timeline } : {}),
  };
}

export function applyPatch(view: RolloutView, patch: RolloutPatch): RolloutView {
  let rows: readonly SlotRow[] = view.rows;
  if (patch.upsert || patch.remove || patch.order) {
    const byKey = new Map(view.rows.map((r) => [r.key, r]));
    for (const k of patch.remove ?? []) byKey.delete(k);
    for (const r of patch.upsert ?? []) byKey.set(r.key, r);
    const order = patch.order ?? view.rows.map((r) => r.key).filter((k) => byKey.has(k));
    rows = order.flatMap((k) => byKey.get(k) ?? []);
  }
  return {
    header: patch.header ?? view.header,
    rows,
    timeline: patch.timeline ? mergeTimeline(view.timeline, patch.timeline) : view.timeline,
  };
}
