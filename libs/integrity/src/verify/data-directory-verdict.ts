import { HistoryVerdict, RootClaim, StoredEventsFile } from '@suyuan/eventstore';
import { Checkpoint, CHECKPOINT_STREAM, describeCheckpoint, parseCheckpoint, signatureValid } from '../checkpoints/checkpoint';
import { PublicKeyInfo } from '../checkpoints/signing-key';

export interface DirectoryVerdict extends HistoryVerdict {
  /** The key ids that signed the checkpoints checked. */
  signedBy: string[];
}

export interface DirectoryAudit {
  /** The embedded store's file. */
  file: string;
  /** Keys whose checkpoints are believed: the current one, retired ones, a key pinned by a third party. */
  trustedKeys: readonly PublicKeyInfo[];
  /** Checkpoints kept outside the store (published, downloaded), checked beside the stored ones. */
  outsideCheckpoints?: readonly Checkpoint[];
}

/**
 * The whole history of a data directory, read-only: every chain, every checkpoint in the store
 * and every checkpoint brought from outside, each signature checked against the trusted keys
 * before its root is compared.
 */
export function verifyStoredHistory({ file, trustedKeys, outsideCheckpoints = [] }: DirectoryAudit): DirectoryVerdict {
  const stored = StoredEventsFile.open(file);
  try {
    const inStore = stored.readStream(CHECKPOINT_STREAM).map((event) => ({ checkpoint: parseCheckpoint(event.data), where: 'checkpoint' }));
    const brought = outsideCheckpoints.map((checkpoint) => ({ checkpoint, where: 'the checkpoint given' }));
    const trusted = new Set(trustedKeys.map((key) => key.keyId));
    const claims: RootClaim[] = [];
    for (const { checkpoint, where } of [...inStore, ...brought]) {
      const label = describeCheckpoint(checkpoint, where);
      const refused = !signatureValid(checkpoint)
        ? `${label} at position ${checkpoint.position}: its signature does not verify`
        : !trusted.has(checkpoint.keyId)
          ? `${label} at position ${checkpoint.position}: signed by a key that is not trusted (neither the current key, nor in audit-keys/, nor given with --public-key)`
          : undefined;
      if (refused) return { ...failed(refused, checkpoint.position), signedBy: [] };
      claims.push({ position: checkpoint.position, root: checkpoint.root, label });
    }
    return {
      ...stored.verify(claims),
      signedBy: [...new Set([...inStore, ...brought].map(({ checkpoint }) => checkpoint.keyId))],
    };
  } finally {
    stored.close();
  }
}

function failed(message: string, position: number): HistoryVerdict {
  return {
    ok: false,
    eventsChecked: 0,
    streams: 0,
    checkpointsChecked: 0,
    position: 0,
    problem: { kind: 'checkpoint', position, message },
  };
}
