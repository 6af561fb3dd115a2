// Names and sizes with the verdict the Engine (dockerd 20.10 on the lab) gives when asked to create
// an object with them. Unit tests hold our checks to these verdicts; the integration test
// resources.test.ts asks the Engine again, so the record cannot drift from the Engine.

export interface Case<T> { readonly value: T; readonly ok: boolean }

export const SECRET_OR_CONFIG_NAMES: readonly Case<string>[] = [
  { value: 'db', ok: true }, { value: 'db_pass.v2', ok: true }, { value: 'A-1', ok: true }, { value: 'a..b', ok: true },
  { value: 'x'.repeat(64), ok: true }, { value: 'x'.repeat(65), ok: false },
  { value: '-a', ok: false }, { value: 'a-', ok: false }, { value: '_a', ok: false }, { value: 'a_', ok: false },
  { value: 'a b', ok: false }, { value: 'café', ok: false }, { value: 'a/b', ok: false },
];

export const NETWORK_NAMES: readonly Case<string>[] = [
  { value: 'net', ok: true }, { value: 'my-net_1', ok: true }, { value: 'a--b', ok: true }, { value: 'x'.repeat(63), ok: true },
  { value: 'x'.repeat(64), ok: false }, { value: 'a.b', ok: false }, { value: 'a-', ok: false }, { value: 'a b', ok: false },
  { value: '_a', ok: false },
];

/** Data sizes in bytes. */
export const SECRET_SIZES: readonly Case<number>[] = [
  { value: 0, ok: false }, { value: 1, ok: true }, { value: 511_999, ok: true }, { value: 512_000, ok: false },
];

export const CONFIG_SIZES: readonly Case<number>[] = [
  { value: 0, ok: false }, { value: 1, ok: true }, { value: 1_023_999, ok: true }, { value: 1_024_000, ok: false },
];
