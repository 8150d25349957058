import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { PERSONAL_KEY_BYTES } from './personal-key-vault.port';

/** A person's data sealed with the person's key: AES-256-GCM, each part base64. */
export interface SealedPersonalData {
  v: 1;
  /** 12 random bytes, fresh for every seal: GCM must never see one IV twice under one key. */
  iv: string;
  ct: string;
  /** The 16-byte authentication tag. */
  tag: string;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Sealed data that the key, the person id or the bytes do not open: tampered, moved to another person, or the wrong key. */
export class UnsealError extends Error {
  constructor(personId: string, options?: { cause: unknown }) {
    super(`the personal data of ${personId} cannot be opened`, options);
    this.name = 'UnsealError';
  }
}

/**
 * Seals `data` (as JSON) with the person's key. The person id is authenticated with it, so a
 * ciphertext copied onto another person does not open.
 */
export function sealPersonalData(key: Buffer, personId: string, data: unknown): SealedPersonalData {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(personId, 'utf8'));
  const ct = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return { v: 1, iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** The data `sealPersonalData` sealed for this person with this key; an UnsealError for anything else. */
export function openPersonalData<T = unknown>(key: Buffer, personId: string, sealed: SealedPersonalData): T {
  checkKey(key);
  try {
    if (sealed.v !== 1) throw new Error(`unknown seal version ${String(sealed.v)}`);
    const iv = Buffer.from(sealed.iv, 'base64');
    const tag = Buffer.from(sealed.tag, 'base64');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('IV or tag of the wrong length');
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(personId, 'utf8'));
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  } catch (error) {
    throw new UnsealError(personId, { cause: error });
  }
}

function checkKey(key: Buffer): void {
  if (key.length !== PERSONAL_KEY_BYTES) throw new RangeError(`a personal key is ${PERSONAL_KEY_BYTES} bytes, not ${key.length}`);
}
