import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Actor, Decider, DomainEvent, EventMetadata, fold } from '@suyuan/core';
import { EVENT_STORE, EventStore, NewEvent, RecordedEvent, WrongExpectedRevisionError } from '@suyuan/eventstore';
import { CLOCK, Clock } from './clock';

/** Who, where and when, as the HTTP edge knows it; ends up in every event's metadata. */
export interface CommandContext {
  actor: Actor;
  idempotencyKey?: string;
  facilityId?: string;
  /** When the recorded step happened; defaults to when it is recorded. */
  occurredAt?: string;
}

export interface Executed<E> {
  events: E[];
  revision: number;
}

const MAX_ATTEMPTS = 5;

/**
 * The write path every command handler shares: read the stream, fold, decide, append
 * with the read revision as the expected revision; on a concurrent write, decide again
 * on the fresh state.
 */
@Injectable()
export class StreamExecutor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * `beforeAppend` runs once the decider has accepted the command, before its events are
   * appended (again if a concurrent write makes it decide again): for what must be done
   * outside the log before the log says it was.
   */
  async execute<C, E extends DomainEvent, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: C,
    ctx: CommandContext,
    beforeAppend?: (events: E[]) => Promise<void>,
  ): Promise<Executed<E>> {
    for (let attempt = 1; ; attempt++) {
      const stored = await this.store.readStream(streamId);
      const replayed = this.alreadyApplied<E>(streamId, stored, ctx);
      if (replayed) return replayed;
      const state = fold(decider, stored as unknown as E[]);
      const events = decider.decide(command, state);
      await beforeAppend?.(events);
      const expectedRevision = stored.length === 0 ? 'no_stream' : stored[stored.length - 1].revision;
      try {
        const result = await this.store.appendToStream(streamId, this.envelope(streamId, events, ctx), {
          expectedRevision,
        });
        return { events, revision: result.nextRevision };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** A retry whose first attempt was stored returns what that attempt recorded. */
  private alreadyApplied<E>(streamId: string, stored: RecordedEvent[], ctx: CommandContext): Executed<E> | undefined {
    if (!ctx.idempotencyKey) return undefined;
    const first = eventId(ctx, streamId, 0);
    const start = stored.findIndex((e) => e.id === first);
    if (start < 0) return undefined;
    const mine = stored.slice(start).filter((e) => e.metadata && (e.metadata as EventMetadata).idempotencyKey === ctx.idempotencyKey);
    return { events: mine.map((e) => ({ type: e.type, data: e.data }) as E), revision: mine[mine.length - 1].revision };
  }

  /** For streams without invariants to guard (device uploads): append, no read. */
  async append<E extends DomainEvent>(streamId: string, events: E[], ctx: CommandContext): Promise<void> {
    await this.store.appendToStream(streamId, this.envelope(streamId, events, ctx), { expectedRevision: 'any' });
  }

  private envelope(streamId: string, events: DomainEvent[], ctx: CommandContext): NewEvent[] {
    const recordedAt = this.clock.now().toISOString();
    return events.map((event, index) => {
      const metadata: EventMetadata = {
        organizationId: ctx.actor.organizationId,
        keyId: ctx.actor.keyId,
        facilityId: ctx.facilityId,
        occurredAt: ctx.occurredAt ?? recordedAt,
        recordedAt,
        idempotencyKey: ctx.idempotencyKey,
      };
      return { id: eventId(ctx, streamId, index), type: event.type, data: event.data, metadata };
    });
  }
}

/**
 * With an idempotency key the ids are derived from it, so a retry that slips past the
 * response cache (a crash between append and reply) is still stored once.
 */
function eventId(ctx: CommandContext, streamId: string, index: number): string {
  if (!ctx.idempotencyKey) return randomUUID();
  const hex = createHash('sha256')
    .update(`${ctx.actor.organizationId}\u0000${ctx.idempotencyKey}\u0000${streamId}\u0000${index}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
