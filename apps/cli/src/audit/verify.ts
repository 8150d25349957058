import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DirectoryVerdict,
  parseCheckpoint,
  publicKeyFromPem,
  readSigningKey,
  retiredPublicKeys,
  verifyStoredHistory,
} from '@suyuan/integrity';
import { loadConfig } from '@suyuan/platform';

const USAGE = `usage: npm run audit:verify -- [--data-dir DIR] [--checkpoint FILE]... [--public-key FILE]...
  Recomputes every event's hash chain and every signed checkpoint of a data directory (read-only;
  stop the server first: it holds the file). Exits 0 when the history is intact, 1 naming the first
  event changed, removed or reordered, 2 when it could not check.
  --data-dir DIR      the data directory (default $DATA_DIR, else ./data)
  --checkpoint FILE   a checkpoint kept outside (GET /api/audit/checkpoints/latest): the history
                      it signed must still be there, unchanged
  --public-key FILE   a public key (PEM, GET /api/audit/public-key) to trust besides the data
                      directory's own and its audit-keys/`;

function main(): number {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      checkpoint: { type: 'string', multiple: true },
      'public-key': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig(values['data-dir'] ? { ...process.env, DATA_DIR: values['data-dir'] } : process.env);
  const file = join(config.dataDir, 'suyuan.db');
  if (!existsSync(file)) throw new Error(`no event store in ${config.dataDir} (${file} does not exist)`);
  const current = readSigningKey(config);
  const trustedKeys = [
    ...(current ? [current] : []),
    ...retiredPublicKeys(config.dataDir),
    ...(values['public-key'] ?? []).map((pem) => publicKeyFromPem(readFileSync(pem, 'utf8'))),
  ];
  const outsideCheckpoints = (values.checkpoint ?? []).map((path) => parseCheckpoint(JSON.parse(readFileSync(path, 'utf8'))));
  const verdict = verifyStoredHistory({ file, trustedKeys, outsideCheckpoints });
  console.log(report(verdict));
  return verdict.ok ? 0 : 1;
}

function report(verdict: DirectoryVerdict): string {
  const checked =
    `${verdict.eventsChecked} events in ${verdict.streams} streams` +
    ` and ${verdict.checkpointsChecked} signed checkpoints${verdict.signedBy.length ? ` (keys ${verdict.signedBy.join(', ')})` : ''}`;
  if (verdict.ok) return `history intact: checked ${checked}, up to position ${verdict.position}`;
  const { problem } = verdict;
  const where = [
    problem?.streamId && `stream ${problem.streamId}`,
    problem?.revision !== undefined && `revision ${problem.revision}`,
    problem?.position !== undefined && `position ${problem.position}`,
    problem?.eventId && `event ${problem.eventId}`,
  ].filter(Boolean);
  return `HISTORY ${problem?.kind === 'checkpoint' ? 'REWRITTEN' : problem?.kind.toUpperCase()}: ${where.join(', ')}\n${problem?.message}\n(checked ${checked} before stopping)`;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`audit:verify could not check: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
