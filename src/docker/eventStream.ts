// The Engine's `/events` body is a stream of JSON objects, one per line, split arbitrarily across
// chunks. Pure: feed chunks, get events.
import type { EngineEvent } from '../domain/events';
import { at, labels, num, obj, str } from './mappers/json';

export function toEngineEvent(raw: unknown): EngineEvent {
  const o = obj(raw);
  return {
    type: str(o['Type'] ?? o['type']),
    action: str(o['Action'] ?? o['status']),
    actorId: str(at(o, 'Actor', 'ID') ?? o['id']),
    attributes: labels(at(o, 'Actor', 'Attributes')),
    scope: str(o['scope'], 'local'),
    timeNano: num(o['timeNano'], num(o['time']) * 1e9),
  };
}

export class JsonLineSplitter {
  private buffer = '';

  /** Returns the complete JSON values in `chunk` (plus what was buffered); malformed lines are skipped. */
  push(chunk: string): unknown[] {
    this.buffer += chunk;
    const out: unknown[] = [];
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl).trim();
      this.buffer = this.buffer.slice(nl + 1);
      if (!line) continue;
      try { out.push(JSON.parse(line)); } catch { /* a torn or garbage line: skip it, keep the stream */ }
    }
    return out;
  }
}
