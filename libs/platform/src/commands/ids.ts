import { deriveId, mintId } from '@suyuan/core';
import { CommandContext } from './stream-executor';

/**
 * A new aggregate id. With an idempotency key it is derived from the key, so that a
 * retry lands on the same stream (and is refused or replayed there) instead of
 * creating a twin.
 */
export function newId(prefix: string, ctx: CommandContext, purpose = ''): string {
  if (!ctx.idempotencyKey) return mintId(prefix);
  return deriveId(prefix, `${ctx.actor.organizationId}\u0000${ctx.idempotencyKey}\u0000${prefix}\u0000${purpose}`);
}
