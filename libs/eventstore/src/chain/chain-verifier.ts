/** Where a stream stands: its last event's revision, global position and hash. */
export interface StreamHead {
  revision: number;
  position: number;
  hash: string;
}

/** What the verifier needs of a stored event besides its content. */
export interface ChainLink {
  streamId: string;
  revision: number;
  position: number;
  id: string;
  /** As stored; null for a row written before hashes existed and never backfilled. */
  hash: string | null;
}

export type ChainProblemKind = 'changed' | 'removed' | 'reordered' | 'unhashed' | 'checkpoint';

/** The first thing found wrong, named so that a person can go and look at it. */
export interface ChainProblem {
  kind: ChainProblemKind;
  streamId?: string;
  revision?: number;
  position?: number;
  eventId?: string;
  message: string;
}

interface OpenGap {
  streamId: string;
  missingRevision: number;
  /** The event found where the missing revision should have been. */
  found: ChainLink;
  previousPosition?: number;
}

/**
 * Checks stored events fed in global order, one stream's chain at a time, in constant memory
 * per stream (its head). Every event must come at the next revision of its stream, and its
 * hash recomputed from its content and the stored hash before it must equal the stored one.
 * A revision that does not come when due is a removal, unless it comes later: then the
 * stream was reordered; that is why a gap is only classified once the feed ends or the
 * missing revision turns up. The first problem ends the checking: whatever follows in a
 * broken stream cannot be trusted to say anything.
 */
export class ChainVerifier {
  private readonly streamHeads = new Map<string, StreamHead>();
  private lastPosition = 0;
  private count = 0;
  private found?: ChainProblem;
  private gap?: OpenGap;

  get checked(): number {
    return this.count;
  }

  get position(): number {
    return this.lastPosition;
  }

  get heads(): ReadonlyMap<string, StreamHead> {
    return this.streamHeads;
  }

  /** The problem found so far, if any (a gap still open is not one yet). */
  get problem(): ChainProblem | undefined {
    return this.found;
  }

  get broken(): boolean {
    return this.found !== undefined || this.gap !== undefined;
  }

  /** `recompute(previousHash)` gives the event's hash from its content. */
  accept(link: ChainLink, recompute: (previousHash: string | null) => string): void {
    if (this.found) return;
    if (this.gap) return this.watchGap(link);
    this.count++;
    if (link.position <= this.lastPosition) {
      return this.fail('reordered', link, `comes at position ${link.position}, not after position ${this.lastPosition}`);
    }
    this.lastPosition = link.position;
    const head = this.streamHeads.get(link.streamId);
    const due = head ? head.revision + 1 : 0;
    if (link.revision > due) {
      // A copy: a caller may reuse its link object for the next event.
      this.gap = { streamId: link.streamId, missingRevision: due, found: { ...link }, previousPosition: head?.position };
      return;
    }
    if (link.revision < due) {
      return this.fail('reordered', link, `comes after revision ${head!.revision} (position ${head!.position}) of its stream`);
    }
    if (link.hash === null)
      return this.fail('unhashed', link, 'has no hash: open the store once with this version so that it backfills them');
    if (recompute(head?.hash ?? null) !== link.hash) {
      const before = link.revision > 0 ? ` (or revision ${link.revision - 1} was rewritten together with its hash)` : '';
      return this.fail('changed', link, `no longer matches its hash: it was changed${before}`);
    }
    if (head) {
      // Updated in place: one object per stream, not one per event, over millions of events.
      head.revision = link.revision;
      head.position = link.position;
      head.hash = link.hash;
    } else {
      this.streamHeads.set(link.streamId, { revision: link.revision, position: link.position, hash: link.hash });
    }
  }

  /** Ends the feed: an open gap is a removal now. */
  finish(): ChainProblem | undefined {
    if (this.gap && !this.found) {
      const { streamId, missingRevision, found, previousPosition } = this.gap;
      const after = previousPosition === undefined ? 'at the start of the stream' : `after position ${previousPosition}`;
      this.found = {
        kind: 'removed',
        streamId,
        revision: missingRevision,
        message:
          `stream ${streamId}: revision ${missingRevision} was removed: it is missing ${after}, ` +
          `before event ${found.id} (revision ${found.revision}, position ${found.position})`,
      };
    }
    return this.found;
  }

  /** Records a problem found outside the chains (a checkpoint that does not match). */
  report(problem: ChainProblem): void {
    this.found ??= problem;
  }

  private watchGap(link: ChainLink): void {
    const gap = this.gap!;
    if (link.streamId !== gap.streamId || link.revision !== gap.missingRevision) return;
    const { found } = gap;
    this.found = {
      kind: 'reordered',
      streamId: found.streamId,
      revision: found.revision,
      position: found.position,
      eventId: found.id,
      message:
        `stream ${found.streamId}: event ${found.id} (revision ${found.revision}, position ${found.position}) ` +
        `comes before revision ${link.revision} (event ${link.id}, position ${link.position}): the stream was reordered`,
    };
  }

  private fail(kind: ChainProblemKind, link: ChainLink, what: string): void {
    this.found = {
      kind,
      streamId: link.streamId,
      revision: link.revision,
      position: link.position,
      eventId: link.id,
      message: `stream ${link.streamId}: event ${link.id} (revision ${link.revision}, position ${link.position}) ${what}`,
    };
  }
}
