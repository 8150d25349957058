import { resolve } from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Base of every QR URL, without trailing slash. */
  publicBaseUrl: string;
  /** The bootstrap administrator's key; generated into DATA_DIR/admin.key when unset. */
  adminKey?: string;
  logLevel: 'silent' | 'error' | 'warn' | 'info';
  /** Memory for rendered scan parts (batches' and cartons' JSON and HTML), in MB. */
  scanCacheMb: number;
  /** Where the standards and compliance projections run: in the append itself (default) or on a worker thread. */
  projector: 'worker' | 'inline';
  /** The secret items' verification codes (防伪码) derive from; generated into DATA_DIR/verification.key when unset. */
  verificationSecret?: string;
  /**
   * How many proxies in front of the server append to X-Forwarded-For: the client is the address
   * that many hops back from the server's peer (0, the default: the peer itself, the header
   * ignored, since anyone can send one).
   */
  trustProxyHops: number;
  /** The Ed25519 key checkpoints are signed with (PKCS#8 PEM); generated into DATA_DIR/audit-signing.key when unset. */
  auditSigningKey?: string;
  /** Minutes between signed checkpoints of the history; 0: only on demand. */
  auditCheckpointMinutes: number;
}

export const APP_CONFIG = Symbol('AppConfig');

/** Reads and validates the environment once at start; a bad value stops the process with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+(\/[^\s]*)?$/.test(publicBaseUrl)) {
    throw new Error(`PUBLIC_BASE_URL must be an http(s) URL, got "${env.PUBLIC_BASE_URL}"`);
  }
  const adminKey = env.SUYUAN_ADMIN_KEY || undefined;
  if (adminKey !== undefined && adminKey.length < 16) {
    throw new Error('SUYUAN_ADMIN_KEY must be at least 16 characters');
  }
  const logLevel = (env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
  if (!['silent', 'error', 'warn', 'info'].includes(logLevel)) throw new Error(`LOG_LEVEL must be silent|error|warn|info`);
  const scanCacheMb = Number(env.SCAN_CACHE_MB ?? 64);
  if (!Number.isFinite(scanCacheMb) || scanCacheMb < 1)
    throw new Error(`SCAN_CACHE_MB must be a number of megabytes, got "${env.SCAN_CACHE_MB}"`);
  const projector = (env.PROJECTOR ?? 'inline') as AppConfig['projector'];
  if (!['worker', 'inline'].includes(projector)) throw new Error(`PROJECTOR must be worker|inline, got "${env.PROJECTOR}"`);
  const trustProxyHops = Number(env.TRUST_PROXY ?? 0);
  if (!Number.isInteger(trustProxyHops) || trustProxyHops < 0 || trustProxyHops > 10) {
    throw new Error(`TRUST_PROXY must be the number of proxies in front of the server (0-10), got "${env.TRUST_PROXY}"`);
  }
  const verificationSecret = env.SUYUAN_VERIFICATION_SECRET || undefined;
  if (verificationSecret !== undefined && verificationSecret.length < 32) {
    throw new Error('SUYUAN_VERIFICATION_SECRET must be at least 32 characters');
  }
  const auditSigningKey = env.SUYUAN_AUDIT_SIGNING_KEY || undefined;
  if (auditSigningKey !== undefined && !auditSigningKey.includes('-----BEGIN PRIVATE KEY-----')) {
    throw new Error('SUYUAN_AUDIT_SIGNING_KEY must be an Ed25519 private key in PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)');
  }
  const auditCheckpointMinutes = Number(env.AUDIT_CHECKPOINT_MINUTES ?? 60);
  if (!Number.isFinite(auditCheckpointMinutes) || auditCheckpointMinutes < 0 || auditCheckpointMinutes > 7 * 24 * 60) {
    throw new Error(`AUDIT_CHECKPOINT_MINUTES must be a number of minutes (0 for on demand only), got "${env.AUDIT_CHECKPOINT_MINUTES}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    publicBaseUrl,
    adminKey,
    logLevel,
    scanCacheMb,
    projector,
    verificationSecret,
    trustProxyHops,
    auditSigningKey,
    auditCheckpointMinutes,
  };
}
