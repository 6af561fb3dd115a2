// swarm.cluster.reconnect: drop the store and connect again with the current settings.
import type { CommandContext } from '../commandContext';

export function reconnect(ctx: CommandContext): void {
  ctx.reconnect();
}
