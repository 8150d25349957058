import { randomBytes } from 'node:crypto';
import { TEN_MINUTES_MS } from './clock';

/**
 * A run id names one demo world and carries its time anchor (10-minute ticks, base 36), so
 * that `--run-id` replays a half-built world with the same request bodies and so the same
 * Idempotency-Keys are answered from the server's record instead of creating twins.
 */
export function newRunId(nowMs = Date.now()): string {
  const tick = Math.floor(nowMs / TEN_MINUTES_MS).toString(36);
  const suffix = [...randomBytes(4)].map((b) => (b % 36).toString(36)).join('');
  return `${tick}-${suffix}`;
}

export function parseRunId(runId: string): { anchorMs: number; suffix: string } {
  const match = /^([0-9a-z]{4,9})-([0-9a-z]{4})$/.exec(runId);
  if (!match) throw new Error(`"${runId}" is not a demo run id (like ${newRunId()})`);
  return { anchorMs: parseInt(match[1], 36) * TEN_MINUTES_MS, suffix: match[2] };
}
