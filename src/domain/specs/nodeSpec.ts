// The node Spec as the Engine sends it (`GET /nodes/{id}` → `Spec`) and expects it back on
// `POST /nodes/{id}/update`: the fields actions change are typed, every other field is carried as
// the Engine sent it, so an update never drops what it did not mean to change. Pure.
import type { NodeAvailability, NodeRole } from '../model';

/** Fields we do not model: kept verbatim. */
export interface OpenSpec { readonly [field: string]: unknown }

export interface NodeSpec extends OpenSpec {
  readonly Name?: string;
  readonly Labels?: Readonly<Record<string, string>>;
  readonly Role?: NodeRole;
  readonly Availability?: NodeAvailability;
}

export function withAvailability(spec: NodeSpec, availability: NodeAvailability): NodeSpec {
  return { ...spec, Availability: availability };
}

export function withRole(spec: NodeSpec, role: NodeRole): NodeSpec {
  return { ...spec, Role: role };
}

export function withLabel(spec: NodeSpec, key: string, value: string): NodeSpec {
  return { ...spec, Labels: { ...spec.Labels, [key]: value } };
}

export function withoutLabels(spec: NodeSpec, keys: readonly string[]): NodeSpec {
  const labels: Record<string, string> = { ...spec.Labels };
  for (const k of keys) delete labels[k];
  return { ...spec, Labels: labels };
}
