import { conflict, invalid, parseTime } from '@suyuan/core';
import { requireBatchOwner } from './batch.guards';
import { RegisteredBatchState } from './batch.state';
import { RecordCertification } from './commands';
import { BatchEvent, PRODUCT_CERTIFICATIONS } from './events';

/**
 * A product certification the batch's cooperative holds (绿色食品, 有机产品, 地理标志), which a
 * product standard may require. One of each kind per batch.
 */
export function recordCertification(command: RecordCertification, state: RegisteredBatchState): BatchEvent[] {
  const { actor, kind, certificateNo, issuedBy, validUntil } = command;
  requireBatchOwner(actor, state, 'record its certifications');
  if (!(PRODUCT_CERTIFICATIONS as readonly string[]).includes(kind)) {
    throw invalid('invalid_certification', `kind must be one of ${PRODUCT_CERTIFICATIONS.join(', ')}; got ${JSON.stringify(kind)}`);
  }
  if (typeof certificateNo !== 'string' || certificateNo.trim() === '') throw invalid('invalid_certification', 'certificateNo is required');
  if (validUntil !== undefined) parseTime('validUntil', validUntil);
  if (state.certifications?.has(kind)) {
    throw conflict('certification_exists', `Batch ${state.batch.batchId} already has a ${kind} certification recorded`);
  }
  return [
    {
      type: 'BatchCertificationRecorded',
      data: {
        batchId: state.batch.batchId,
        kind,
        certificateNo: certificateNo.trim(),
        issuedBy,
        ...(validUntil !== undefined && { validUntil }),
      },
    },
  ];
}
