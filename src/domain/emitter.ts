// A minimal typed event emitter with disposable subscriptions (the domain cannot use vscode.EventEmitter,
// but its shape matches vscode.Event so adapters can pass listeners straight through).

export interface Disposable { dispose(): void }
export type Listener<T> = (value: T) => void;
export type Event<T> = (listener: Listener<T>) => Disposable;

export class Emitter<T> implements Disposable {
  private listeners = new Set<Listener<T>>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => { this.listeners.delete(listener); } };
  };

  fire(value: T): void {
    for (const l of [...this.listeners]) {
      try { l(value); } catch (e) { console.error('[swarm] listener failed:', e); }
    }
  }

  dispose(): void { this.listeners.clear(); }
}
