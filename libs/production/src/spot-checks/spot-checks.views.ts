import { SampledUnits, SpotCheckResultRecorded } from '../domain/spot-check.decider';

export const SPOT_CHECKS = 'spotChecks';

/** The `spotChecks` read model: one document per sampling, open until its lab's result arrives. */
export interface SpotCheckView {
  id: string;
  batchId: string;
  lotCode?: string;
  productId?: string;
  regulatorId: string;
  units?: SampledUnits;
  facilityId?: string;
  place: string;
  sampledBy: string;
  sampledAt: string;
  labId?: string;
  sampleId?: string;
  status: 'open' | 'passed' | 'failed';
  result?: Omit<SpotCheckResultRecorded['data'], 'spotCheckId' | 'batchId'>;
  /** The hold a failed result put on the lot. */
  holdId?: string;
}
