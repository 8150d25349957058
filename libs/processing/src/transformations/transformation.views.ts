import { Region } from '@suyuan/registry';
import { TransformationRecorded } from '../domain/events';

/** A transformation as processors, input owners and regulators read it (`transformations`, id = transformation id). */
export type TransformationView = Omit<TransformationRecorded['data'], 'transformationId'> & {
  id: string;
  processorName: string;
  plant: { id: string; name: string; region: Region };
  recordedAt: string;
  /** The API key that recorded it. */
  keyId: string;
};

/**
 * A reservation neither consumed nor released yet (`openReservations`, id = batch|transformation):
 * what the recovery looks at after a crash in the middle of a transformation.
 */
export interface OpenReservationView {
  id: string;
  batchId: string;
  transformationId: string;
  processorId: string;
  reservedAt: string;
}
