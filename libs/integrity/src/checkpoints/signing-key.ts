import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateDirectory, privateFile } from '@suyuan/platform';

/** A public key that signs checkpoints: SPKI DER in base64, and its id. */
export interface PublicKeyInfo {
  keyId: string;
  publicKey: string;
}

export interface SigningKey extends PublicKeyInfo {
  privateKey: KeyObject;
}

export const SIGNING_KEY_FILE = 'audit-signing.key';
/** Public keys of retired signing keys, one PEM file each: checkpoints they signed keep verifying. */
export const RETIRED_KEYS_DIRECTORY = 'audit-keys';

type KeySource = { dataDir: string; auditSigningKey?: string };

/** The first 16 hex digits of the SHA-256 of the public key's SPKI DER. */
export function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16);
}

export function publicKeyPem(publicKey: string): string {
  return createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' })
    .export({ format: 'pem', type: 'spki' })
    .toString();
}

/** Reads a public key from PEM (SPKI), as `GET /api/audit/public-key` gives it. */
export function publicKeyFromPem(pem: string): PublicKeyInfo {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 public key but ${key.asymmetricKeyType}`);
  const publicKey = key.export({ format: 'der', type: 'spki' }).toString('base64');
  return { keyId: keyIdOf(publicKey), publicKey };
}

/**
 * The key checkpoints are signed with: SUYUAN_AUDIT_SIGNING_KEY when set, else
 * `audit-signing.key` in the data directory, made on first start, readable by the server's user only.
 */
export function loadSigningKey(config: KeySource): SigningKey {
  const existing = readSigningKey(config);
  if (existing) return existing;
  createPrivateDirectory(config.dataDir);
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(join(config.dataDir, SIGNING_KEY_FILE), privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  return signingKeyOf(privateKey);
}

/** The signing key if one is configured or in the data directory; never creates one. */
export function readSigningKey(config: KeySource): SigningKey | undefined {
  if (config.auditSigningKey) return signingKeyOf(createPrivateKey(config.auditSigningKey));
  const file = join(config.dataDir, SIGNING_KEY_FILE);
  if (!existsSync(file)) return undefined;
  privateFile(file);
  return signingKeyOf(createPrivateKey(readFileSync(file, 'utf8')));
}

function signingKeyOf(privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`the audit signing key must be Ed25519, not ${privateKey.asymmetricKeyType}`);
  }
  const publicKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64');
  return { keyId: keyIdOf(publicKey), publicKey, privateKey };
}

export function retiredPublicKeys(dataDir: string): PublicKeyInfo[] {
  const directory = join(dataDir, RETIRED_KEYS_DIRECTORY);
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.endsWith('.pem'))
    .sort()
    .map((name) => publicKeyFromPem(readFileSync(join(directory, name), 'utf8')));
}

/**
 * Rotation of a key kept in the data directory (server stopped): its public half goes to
 * `audit-keys/<keyId>.pem`, the private half is renamed aside (`audit-signing.<keyId>.retired`,
 * to be destroyed or kept offline), and a new key is made.
 */
export function rotateSigningKey(dataDir: string): { retired: PublicKeyInfo; current: SigningKey } {
  const retired = readSigningKey({ dataDir });
  if (!retired) throw new Error(`no ${SIGNING_KEY_FILE} in ${dataDir} to rotate`);
  createPrivateDirectory(join(dataDir, RETIRED_KEYS_DIRECTORY));
  writeFileSync(join(dataDir, RETIRED_KEYS_DIRECTORY, `${retired.keyId}.pem`), publicKeyPem(retired.publicKey), { mode: 0o600 });
  renameSync(join(dataDir, SIGNING_KEY_FILE), join(dataDir, `audit-signing.${retired.keyId}.retired`));
  return { retired: { keyId: retired.keyId, publicKey: retired.publicKey }, current: loadSigningKey({ dataDir }) };
}
