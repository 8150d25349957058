import { ChainLink, ChainProblem, ChainVerifier } from './chain-verifier';
import { headLeaves, merkleRoot } from './merkle';

/** A root some checkpoint claims for the stream heads at its position (its signature already checked). */
export interface RootClaim {
  position: number;
  root: string;
  /** How the problem names it, e.g. "checkpoint 3 (signed 2026-12-04T10:00:00Z by key ab12…)". */
  label: string;
}

export interface HistoryVerdict {
  ok: boolean;
  eventsChecked: number;
  /** How many streams the events checked belong to. */
  streams: number;
  checkpointsChecked: number;
  /** The last global position read. */
  position: number;
  problem?: ChainProblem;
}

/**
 * Every stream's chain, and every checkpoint's Merkle root over the stream heads at its
 * position, over stored events fed in global order. The roots catch what the chains cannot:
 * a history rewritten with its hashes recomputed, or the last events of a stream removed.
 */
export class HistoryVerifier {
  private readonly chains = new ChainVerifier();
  private readonly claims: RootClaim[];
  private checkpointsChecked = 0;

  constructor(claims: readonly RootClaim[]) {
    this.claims = [...claims].sort((a, b) => a.position - b.position);
  }

  get broken(): boolean {
    return this.chains.broken;
  }

  accept(link: ChainLink, recompute: (previousHash: string | null) => string): void {
    while (this.claims.length > 0 && link.position > this.claims[0].position) this.checkClaim(this.claims.shift()!);
    this.chains.accept(link, recompute);
  }

  finish(): HistoryVerdict {
    this.chains.finish();
    for (const claim of this.claims.splice(0)) this.checkClaim(claim);
    const problem = this.chains.finish();
    return {
      ok: problem === undefined,
      eventsChecked: this.chains.checked,
      streams: this.chains.heads.size,
      checkpointsChecked: this.checkpointsChecked,
      position: this.chains.position,
      problem,
    };
  }

  private checkClaim(claim: RootClaim): void {
    if (this.chains.broken) return;
    const leaves = headLeaves(this.chains.heads);
    const root = merkleRoot(leaves);
    this.checkpointsChecked++;
    if (root === claim.root) return;
    this.chains.report({
      kind: 'checkpoint',
      position: claim.position,
      message:
        `${claim.label} covers position ${claim.position}: the ${leaves.length} stream heads there hash to ${root}, ` +
        `not to its signed root ${claim.root}: events up to that position were rewritten with their hashes, or the last events of a stream were removed`,
    });
  }
}
