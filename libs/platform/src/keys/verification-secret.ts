import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config';
import { createPrivateDirectory, privateFile } from '../storage/private-files';

/**
 * The secret every item's verification code (防伪码) derives from (`verificationCodeOf` in
 * @suyuan/codes): SUYUAN_VERIFICATION_SECRET when set, else `verification.key` in the data
 * directory, made once and readable by the server's user only. Whoever prints labels needs
 * the same secret; changing it changes every code already printed.
 */
export function verificationSecret(config: Pick<AppConfig, 'dataDir' | 'verificationSecret'>): Buffer {
  if (config.verificationSecret) return Buffer.from(config.verificationSecret, 'utf8');
  const file = join(config.dataDir, 'verification.key');
  if (existsSync(file)) {
    privateFile(file);
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  }
  createPrivateDirectory(config.dataDir);
  const secret = randomBytes(32);
  writeFileSync(file, `${secret.toString('base64url')}\n`, { mode: 0o600 });
  return secret;
}
