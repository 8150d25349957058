import { ChainVerifier, eventHash, EventStore, HeadLeaf, headLeaves } from '@suyuan/eventstore';
import { CHECKPOINT_STREAM } from './checkpoint';

const PAGE = 1000;

/** Refusal to sign a history whose chains do not hold: what is wrong comes first. */
export class BrokenHistoryError extends Error {
  constructor(readonly problem: string) {
    super(`the history's hash chains do not hold, no checkpoint signed: ${problem}`);
    this.name = 'BrokenHistoryError';
  }
}

/**
 * Every stream's head, kept up to date by reading the store forward from where it stopped,
 * each event's hash recomputed on the way: a checkpoint signs only chains it has checked.
 */
export class StreamHeads {
  private readonly chains = new ChainVerifier();
  private lastOutsideCheckpoints = 0;
  private reading: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: EventStore) {}

  /** The global position read up to. */
  get position(): number {
    return this.chains.position;
  }

  /** The last position of an event that is not itself a checkpoint. */
  get lastRecorded(): number {
    return this.lastOutsideCheckpoints;
  }

  leaves(): HeadLeaf[] {
    return headLeaves(this.chains.heads);
  }

  /** Reads on to `limit` (inclusive), or to the end of the store; calls made meanwhile wait their turn. */
  advance(limit = Number.MAX_SAFE_INTEGER): Promise<void> {
    // Two reads from the same position at once would feed the chains every event twice.
    const run = this.reading.then(() => this.readOn(limit));
    this.reading = run.catch(() => undefined);
    return run;
  }

  private async readOn(limit: number): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({ fromPosition: this.chains.position, maxCount: PAGE });
      for (const event of page) {
        if (event.position > limit) return;
        this.chains.accept(event, (previous) => eventHash(event, previous));
        if (this.chains.broken) throw new BrokenHistoryError((this.chains.problem ?? this.chains.finish())!.message);
        if (event.streamId !== CHECKPOINT_STREAM) this.lastOutsideCheckpoints = event.position;
      }
      if (page.length < PAGE) return;
    }
  }
}
