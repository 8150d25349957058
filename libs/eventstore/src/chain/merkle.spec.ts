import { createHash } from 'node:crypto';
import { HeadLeaf, headLeaves, inclusionProof, leafHash, merkleRoot, verifyInclusion } from './merkle';

/** RFC 6962's recursive definition, written out plainly, to check the iterative one against. */
function referenceRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return createHash('sha256')
    .update(Buffer.from([1]))
    .update(referenceRoot(leaves.slice(0, k)))
    .update(referenceRoot(leaves.slice(k)))
    .digest();
}

const leaf = (n: number): HeadLeaf => ({
  streamId: `batch-${n}`,
  revision: n % 4,
  hash: createHash('sha256').update(String(n)).digest('hex'),
});

describe('Merkle root over stream heads', () => {
  it.each([1, 2, 3, 5, 7, 8, 13, 64, 100])('is the RFC 6962 tree hash for %i leaves', (count) => {
    const leaves = Array.from({ length: count }, (_, n) => leaf(n));

    expect(merkleRoot(leaves)).toBe(referenceRoot(leaves.map(leafHash)).toString('hex'));
  });

  it('is the hash of nothing for no streams', () => {
    expect(merkleRoot([])).toBe(createHash('sha256').digest('hex'));
  });

  it('changes with any head: its revision, its hash or its stream', () => {
    const leaves = Array.from({ length: 5 }, (_, n) => leaf(n));
    const root = merkleRoot(leaves);

    for (const changed of [{ revision: 9 }, { hash: leaf(9).hash }, { streamId: 'batch-x' }]) {
      expect(merkleRoot(leaves.map((l, n) => (n === 2 ? { ...l, ...changed } : l)))).not.toBe(root);
    }
  });

  it('orders the leaves by stream id', () => {
    const heads = new Map([
      ['b', { revision: 0, position: 2, hash: 'x' }],
      ['a', { revision: 1, position: 3, hash: 'y' }],
    ]);

    expect(headLeaves(heads).map((l) => l.streamId)).toEqual(['a', 'b']);
  });

  it.each([1, 2, 3, 6, 11, 32])('proves every leaf of %i included, and no other leaf', (count) => {
    const leaves = Array.from({ length: count }, (_, n) => leaf(n));
    const root = merkleRoot(leaves);

    leaves.forEach((l, index) => {
      const proof = inclusionProof(leaves, index);
      expect(verifyInclusion(l, proof, root)).toBe(true);
      expect(verifyInclusion({ ...l, revision: l.revision + 1 }, proof, root)).toBe(false);
    });
  });
});
