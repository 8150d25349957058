import { randomUUID } from 'node:crypto';
import { EventStore, HeadLeaf, inclusionProof, merkleRoot, ProofStep, WrongExpectedRevisionError } from '@suyuan/eventstore';
import { Checkpoint, CHECKPOINT_SIGNED, CHECKPOINT_STREAM, parseCheckpoint, signCheckpoint } from './checkpoint';
import { SigningKey } from './signing-key';
import { StreamHeads } from './stream-heads';

export interface Signer {
  organizationId: string;
  keyId: string;
}

export interface SignedCheckpoint {
  checkpoint: Checkpoint;
  /** false when nothing was recorded since the latest checkpoint, which is returned instead. */
  created: boolean;
}

/**
 * Signs checkpoints into their own stream of the event store, appended with the stream's
 * expected revision: of several instances signing at once one wins, the others return its
 * checkpoint. Keeps the heads it signed last, for inclusion proofs.
 */
export class Checkpointer {
  private readonly heads: StreamHeads;
  private signedLeaves?: { position: number; leaves: HeadLeaf[] };

  constructor(
    private readonly store: EventStore,
    private readonly key: SigningKey,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.heads = new StreamHeads(store);
  }

  get signingKey(): SigningKey {
    return this.key;
  }

  /** Newest first. */
  async checkpoints(limit = Number.MAX_SAFE_INTEGER): Promise<Checkpoint[]> {
    const events = await this.store.readStream(CHECKPOINT_STREAM);
    return events
      .slice(-limit)
      .reverse()
      .map((event) => parseCheckpoint(event.data));
  }

  async latest(): Promise<Checkpoint | undefined> {
    return (await this.checkpoints(1))[0];
  }

  async sign(signer: Signer): Promise<SignedCheckpoint> {
    const stored = await this.store.readStream(CHECKPOINT_STREAM);
    await this.heads.advance();
    const previous = stored.length > 0 ? parseCheckpoint(stored[stored.length - 1].data) : undefined;
    if (previous && this.heads.lastRecorded <= previous.position) return { checkpoint: previous, created: false };
    const leaves = this.heads.leaves();
    const signedAt = this.now().toISOString();
    const checkpoint = signCheckpoint(
      { position: this.heads.position, streams: leaves.length, root: merkleRoot(leaves), signedAt },
      this.key,
    );
    try {
      await this.store.appendToStream(
        CHECKPOINT_STREAM,
        [
          {
            id: randomUUID(),
            type: CHECKPOINT_SIGNED,
            data: checkpoint,
            metadata: { ...signer, occurredAt: signedAt, recordedAt: signedAt },
          },
        ],
        { expectedRevision: stored.length - 1 },
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      return { checkpoint: (await this.latest())!, created: false };
    }
    this.signedLeaves = { position: checkpoint.position, leaves };
    return { checkpoint, created: true };
  }

  /**
   * Where `streamId` stood in `checkpoint` and the audit path from it to the checkpoint's root;
   * undefined when the stream had no event yet at its position. Heads of a checkpoint this
   * instance did not sign are read again from the store, up to its position.
   */
  async proof(checkpoint: Checkpoint, streamId: string): Promise<{ leaf: HeadLeaf; proof: ProofStep[]; root: string } | undefined> {
    const leaves = await this.leavesAt(checkpoint.position);
    const index = leaves.findIndex((leaf) => leaf.streamId === streamId);
    if (index < 0) return undefined;
    return { leaf: leaves[index], proof: inclusionProof(leaves, index), root: merkleRoot(leaves) };
  }

  private async leavesAt(position: number): Promise<HeadLeaf[]> {
    if (this.signedLeaves?.position !== position) {
      const heads = new StreamHeads(this.store);
      await heads.advance(position);
      this.signedLeaves = { position, leaves: heads.leaves() };
    }
    return this.signedLeaves.leaves;
  }
}
