import { randomBytes } from 'node:crypto';
import { optionalUtc } from '@suyuan/core';
import { OrganizationView } from '@suyuan/registry';
import { CERTIFICATE_PROMISE } from '../domain/certificate-promise';
import { HandleBatch } from './batch-context';

/** 承诺达标合格证: the producer's name, origin and product come from the batch record, not the request. */
export const issueCertificate: HandleBatch<'IssueComplianceCertificate'> = async (batches, ctx, { batchId, ...input }) => {
  const batch = await batches.batch(batchId);
  const producer = await batches.docs.get<OrganizationView>('organizations', batch.cooperative.id);
  const r = batch.farmPlot.region;
  const now = batches.now();
  const issuedAt = optionalUtc(input.issuedAt, 'issuedAt') ?? now;
  await batches.run(
    batchId,
    {
      type: 'IssueComplianceCertificate',
      actor: ctx.actor,
      now,
      certificateNo: `HGZ-${batch.lotCode}-${randomBytes(3).toString('hex').toUpperCase()}`,
      productName: batch.product.nameZh,
      quantity: { ...input.quantity },
      producerName: batch.cooperative.name,
      origin: [r.province, r.city, r.county, r.town, r.village].filter(Boolean).join(''),
      contactPhone: input.contactPhone ?? producer?.contactPhone,
      issuedAt,
      promise: CERTIFICATE_PROMISE,
      basis: input.basis,
    },
    { ...ctx, occurredAt: issuedAt },
  );
  return batches.batch(batchId);
};

/** A certification the batch holds (绿色食品, 有机产品, 地理标志). */
export const recordCertification: HandleBatch<'RecordCertification'> = async (batches, ctx, { batchId, ...input }) => {
  await batches.run(
    batchId,
    {
      type: 'RecordCertification',
      actor: ctx.actor,
      now: batches.now(),
      kind: input.kind,
      certificateNo: input.certificateNo,
      issuedBy: input.issuedBy,
      validUntil: optionalUtc(input.validUntil, 'validUntil'),
    },
    ctx,
  );
  return batches.batch(batchId);
};
