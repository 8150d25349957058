import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** Names the encoding below, so that a later one can live beside it. */
export const CHAIN_VERSION = 'suyuan/1';

/** An event with its data and metadata already written as canonical JSON (`canonicalJson`). */
export interface EncodedEvent {
  streamId: string;
  revision: number;
  id: string;
  type: string;
  data: string;
  /** null when the event has no metadata (absent, which is not the same as JSON null). */
  metadata: string | null;
}

/**
 * The hash chaining an event to the one before it in its stream: SHA-256, in hex, of the
 * canonical JSON of `{chain, data, id, metadata?, previousHash, revision, streamId, type}`
 * (`previousHash` null at revision 0, `metadata` left out when the event has none). It names
 * the stream and revision, so an event moved within or between streams no longer matches;
 * positions are the adapter's own and stay out of it.
 */
export function chainedHash(event: EncodedEvent, previousHash: string | null): string {
  const metadata = event.metadata === null ? '' : `"metadata":${event.metadata},`;
  const previous = previousHash === null ? 'null' : JSON.stringify(previousHash);
  const envelope =
    `{"chain":"${CHAIN_VERSION}","data":${event.data},"id":${JSON.stringify(event.id)},${metadata}` +
    `"previousHash":${previous},"revision":${event.revision},"streamId":${JSON.stringify(event.streamId)},` +
    `"type":${JSON.stringify(event.type)}}`;
  return createHash('sha256').update(envelope).digest('hex');
}

/** The same hash from the event's values, as any adapter holds them. */
export function eventHash(
  event: { streamId: string; revision: number; id: string; type: string; data: unknown; metadata?: unknown },
  previousHash: string | null,
): string {
  return chainedHash(encodeEvent(event), previousHash);
}

export function encodeEvent(event: {
  streamId: string;
  revision: number;
  id: string;
  type: string;
  data: unknown;
  metadata?: unknown;
}): EncodedEvent {
  return {
    streamId: event.streamId,
    revision: event.revision,
    id: event.id,
    type: event.type,
    data: canonicalJson(event.data ?? null),
    metadata: event.metadata === undefined ? null : canonicalJson(event.metadata),
  };
}
