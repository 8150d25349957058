import { createPublicKey, sign, verify } from 'node:crypto';
import { canonicalJson } from '@suyuan/eventstore';
import { keyIdOf, SigningKey } from './signing-key';

export const CHECKPOINT_STREAM = 'audit-checkpoints';
export const CHECKPOINT_SIGNED = 'AuditCheckpointSigned';

/** What a checkpoint states: the Merkle root over every stream's head at a global position. */
export interface CheckpointStatement {
  /** Inclusive: the heads are those of the events at or before it. */
  position: number;
  /** How many streams (leaves) the root covers. */
  streams: number;
  root: string;
  signedAt: string;
}

/** A signed checkpoint, as stored and as published (a JSON file a third party keeps). */
export interface Checkpoint extends CheckpointStatement {
  keyId: string;
  /** The signer's public key, SPKI DER in base64: trust it by its id, pinned or published. */
  publicKey: string;
  /** Ed25519, base64, over `signedBytes`. */
  signature: string;
}

function signedBytes(statement: CheckpointStatement, keyId: string): Buffer {
  const { position, streams, root, signedAt } = statement;
  return Buffer.from(canonicalJson({ checkpoint: 'suyuan/1', keyId, position, root, signedAt, streams }));
}

export function signCheckpoint(statement: CheckpointStatement, key: SigningKey): Checkpoint {
  const signature = sign(null, signedBytes(statement, key.keyId), key.privateKey).toString('base64');
  return { ...statement, keyId: key.keyId, publicKey: key.publicKey, signature };
}

/** The signature is the named key's, over exactly these fields. Whether that key is trusted is the caller's question. */
export function signatureValid(checkpoint: Checkpoint): boolean {
  if (keyIdOf(checkpoint.publicKey) !== checkpoint.keyId) return false;
  try {
    const key = createPublicKey({ key: Buffer.from(checkpoint.publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, signedBytes(checkpoint, checkpoint.keyId), key, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

/** A checkpoint read from a file or a stored event, its fields checked one by one. */
export function parseCheckpoint(value: unknown): Checkpoint {
  const c = (value ?? {}) as Record<string, unknown>;
  const wrong = (field: string, what: string) => new Error(`not a checkpoint: "${field}" must be ${what}`);
  if (!Number.isSafeInteger(c.position) || (c.position as number) < 0) throw wrong('position', 'a global position');
  if (!Number.isSafeInteger(c.streams) || (c.streams as number) < 0) throw wrong('streams', 'a count');
  if (typeof c.root !== 'string' || !/^[0-9a-f]{64}$/.test(c.root)) throw wrong('root', 'a SHA-256 in hex');
  if (typeof c.signedAt !== 'string') throw wrong('signedAt', 'a time');
  if (typeof c.keyId !== 'string' || !/^[0-9a-f]{16}$/.test(c.keyId)) throw wrong('keyId', '16 hex digits');
  for (const field of ['publicKey', 'signature']) {
    if (typeof c[field] !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(c[field] as string)) throw wrong(field, 'base64');
  }
  const { position, streams, root, signedAt, keyId, publicKey, signature } = c as unknown as Checkpoint;
  return { position, streams, root, signedAt, keyId, publicKey, signature };
}

/** How a verdict names a checkpoint. */
export function describeCheckpoint(checkpoint: Checkpoint, where = 'checkpoint'): string {
  return `${where} of ${checkpoint.signedAt} (key ${checkpoint.keyId})`;
}
