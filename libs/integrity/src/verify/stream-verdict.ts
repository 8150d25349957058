import {
  ChainProblem,
  ChainVerifier,
  eventHash,
  EventStore,
  HeadLeaf,
  ProofStep,
  RecordedEvent,
  StreamHead,
  verifyInclusion,
} from '@suyuan/eventstore';
import { Checkpoint, signatureValid } from '../checkpoints/checkpoint';
import { Checkpointer } from '../checkpoints/checkpointer';

export interface StreamVerdict {
  streamId: string;
  ok: boolean;
  eventsChecked: number;
  head: StreamHead;
  problem?: ChainProblem;
  /** The latest checkpoint, and whether it holds this stream's head at its position (absent before the first checkpoint). */
  checkpoint?: {
    position: number;
    root: string;
    signedAt: string;
    keyId: string;
    signatureValid: boolean;
    /** false when the stream began after the checkpoint. */
    covered: boolean;
    leaf?: HeadLeaf;
    proof?: ProofStep[];
    included?: boolean;
  };
}

/**
 * One stream's chain recomputed, and its head at the latest checkpoint proved part of that
 * checkpoint's signed root: as strong as a verification of the whole history, for this stream.
 * Undefined for a stream that does not exist.
 */
export async function verifyStream(store: EventStore, checkpointer: Checkpointer, streamId: string): Promise<StreamVerdict | undefined> {
  const events = await store.readStream(streamId);
  if (events.length === 0) return undefined;
  const chain = new ChainVerifier();
  for (const event of events) chain.accept(event, (previous) => eventHash(event, previous));
  const problem = chain.finish();
  const last = events[events.length - 1];
  const verdict: StreamVerdict = {
    streamId,
    ok: problem === undefined,
    eventsChecked: chain.checked,
    head: { revision: last.revision, position: last.position, hash: last.hash },
    problem,
  };
  const latest = await checkpointer.latest();
  if (latest) verdict.checkpoint = await checkpointHolds(checkpointer, latest, events);
  if (verdict.checkpoint && !(verdict.checkpoint.signatureValid && (verdict.checkpoint.included ?? true))) verdict.ok = false;
  return verdict;
}

async function checkpointHolds(checkpointer: Checkpointer, checkpoint: Checkpoint, events: RecordedEvent[]) {
  const { position, root, signedAt, keyId } = checkpoint;
  const described = { position, root, signedAt, keyId, signatureValid: signatureValid(checkpoint) };
  const atCheckpoint = events.filter((event) => event.position <= position).pop();
  if (!atCheckpoint) return { ...described, covered: false };
  // The leaf comes from the stream's own events, just recomputed; only the path comes from the other streams' heads.
  const leaf: HeadLeaf = { streamId: atCheckpoint.streamId, revision: atCheckpoint.revision, hash: atCheckpoint.hash };
  const proof = (await checkpointer.proof(checkpoint, leaf.streamId))?.proof ?? [];
  return { ...described, covered: true, leaf, proof, included: verifyInclusion(leaf, proof, root) };
}
