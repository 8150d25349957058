import { SpotCheckResultRecorded, SpotCheckSampled } from '../domain/spot-check.decider';

export const SPOT_CHECKS = 'spotChecks';

/** The `spotChecks` read model: one document per sampling, open until its lab's result arrives. */
export interface SpotCheckView extends Omit<SpotCheckSampled['data'], 'spotCheckId'> {
  id: string;
  lotCode?: string;
  productId?: string;
  status: 'open' | 'passed' | 'failed';
  result?: Omit<SpotCheckResultRecorded['data'], 'spotCheckId' | 'batchId'>;
  /** The hold a failed result put on the lot. */
  holdId?: string;
}
