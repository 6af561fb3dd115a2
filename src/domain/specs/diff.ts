// What differs between two specs, field by field, for confirmations ("image a → b") and for the
// summary shown before an edited spec is sent. Lists are compared as values at their path. Pure.

export interface SpecChange {
  /** `TaskTemplate.ContainerSpec.Image` */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

function isObject(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function specChanges(before: unknown, after: unknown, path = ''): SpecChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => specChanges(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}

function show(v: unknown): string {
  if (v === undefined) return '(none)';
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** `TaskTemplate.ContainerSpec.Image: local/busybox:2 → local/busybox:1` */
export function describeChange(c: SpecChange): string {
  return `${c.path}: ${show(c.before)} → ${show(c.after)}`;
}
