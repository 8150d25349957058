import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { StreamHead } from './chain-verifier';

/** One leaf per stream: where it stood at the checkpoint's position. */
export interface HeadLeaf {
  streamId: string;
  revision: number;
  hash: string;
}

export type ProofStep = { left: string } | { right: string };

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

/** SHA-256 of 0x00 then the canonical JSON of `{hash, revision, streamId}` (RFC 6962's leaf prefix). */
export function leafHash(leaf: HeadLeaf): Buffer {
  const text = canonicalJson({ hash: leaf.hash, revision: leaf.revision, streamId: leaf.streamId });
  return createHash('sha256').update(LEAF).update(text).digest();
}

function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(NODE).update(left).update(right).digest();
}

/** The stream heads as leaves, in the one order every verifier uses: by stream id (UTF-16 code units). */
export function headLeaves(heads: ReadonlyMap<string, StreamHead>): HeadLeaf[] {
  return [...heads.keys()]
    .sort()
    .map((streamId) => ({ streamId, revision: heads.get(streamId)!.revision, hash: heads.get(streamId)!.hash }));
}

/**
 * The Merkle tree hash of RFC 6962 (section 2.1) over the leaves: split at the largest power
 * of two below their count, hash each side, join with a 0x01 prefix. Hex; the hash of
 * nothing for no leaves.
 */
export function merkleRoot(leaves: readonly HeadLeaf[]): string {
  if (leaves.length === 0) return createHash('sha256').digest('hex');
  return subtreeRoot(leaves.map(leafHash)).toString('hex');
}

function subtreeRoot(hashes: Buffer[]): Buffer {
  let level = hashes;
  // Bottom-up pairing promotes an odd node unchanged, which builds the same tree as RFC 6962's split.
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let index = 0; index + 1 < level.length; index += 2) next.push(nodeHash(level[index], level[index + 1]));
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    level = next;
  }
  return level[0];
}

/** The audit path of the leaf at `index` (RFC 6962 section 2.1.1), from the leaf up. */
export function inclusionProof(leaves: readonly HeadLeaf[], index: number): ProofStep[] {
  const proof: ProofStep[] = [];
  let level = leaves.map(leafHash);
  let at = index;
  while (level.length > 1) {
    const sibling = at % 2 === 0 ? at + 1 : at - 1;
    if (sibling < level.length)
      proof.push(at % 2 === 0 ? { right: level[sibling].toString('hex') } : { left: level[sibling].toString('hex') });
    const next: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(nodeHash(level[i], level[i + 1]));
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    level = next;
    at = Math.floor(at / 2);
  }
  return proof;
}

/** Whether `leaf` with `proof` leads to `root`. */
export function verifyInclusion(leaf: HeadLeaf, proof: readonly ProofStep[], root: string): boolean {
  let hash = leafHash(leaf);
  for (const step of proof) {
    hash = 'left' in step ? nodeHash(Buffer.from(step.left, 'hex'), hash) : nodeHash(hash, Buffer.from(step.right, 'hex'));
  }
  return hash.toString('hex') === root;
}
