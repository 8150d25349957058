import { notFound } from '@suyuan/core';
import { optionalUtc } from '@suyuan/core';
import { newId } from '@suyuan/platform/nest';
import { OrganizationView } from '@suyuan/registry';
import { HandleBatch } from './batch-context';

/** 交接: the cooperative offers its goods to a packhouse (or another cooperative) to work on. */
export const handOver: HandleBatch<'HandOverBatch'> = async (batches, ctx, { batchId, ...input }) => {
  const to = await batches.docs.get<OrganizationView>('organizations', input.toOrganizationId);
  if (!to) throw notFound('organization_not_found', `no organization ${input.toOrganizationId}`, { field: 'toOrganizationId' });
  const now = batches.now();
  const handedOverAt = optionalUtc(input.handedOverAt, 'handedOverAt') ?? now;
  const handoverId = newId('HO', ctx, batchId);
  await batches.run(
    batchId,
    {
      type: 'HandOverBatch',
      actor: ctx.actor,
      now,
      handoverId,
      to: { id: to.id, role: to.role },
      handedOverAt,
      note: input.note,
    },
    { ...ctx, occurredAt: handedOverAt },
  );
  return batches.handover(batchId, handoverId);
};

export const acceptHandover: HandleBatch<'AcceptHandover'> = async (batches, ctx, { batchId, handoverId, ...input }) => {
  const now = batches.now();
  const acceptedAt = optionalUtc(input.acceptedAt, 'acceptedAt') ?? now;
  await batches.run(batchId, { type: 'AcceptHandover', actor: ctx.actor, now, handoverId, acceptedAt }, { ...ctx, occurredAt: acceptedAt });
  return batches.handover(batchId, handoverId);
};

export const endHandover: HandleBatch<'EndHandover'> = async (batches, ctx, { batchId, handoverId, ...input }) => {
  const now = batches.now();
  const endedAt = optionalUtc(input.endedAt, 'endedAt') ?? now;
  await batches.run(batchId, { type: 'EndHandover', actor: ctx.actor, now, handoverId, endedAt }, { ...ctx, occurredAt: endedAt });
  return batches.handover(batchId, handoverId);
};
