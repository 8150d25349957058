import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { notFound } from '@suyuan/core';
import { CommandContext, newId } from '@suyuan/platform/nest';
import { optionalUtc } from '@suyuan/platform';
import { OrganizationView } from '@suyuan/registry';
import { HandoverView } from '../batch.views';
import { HandoverAcceptanceDto, HandoverDto, HandoverEndDto } from '../http/batch.dto';
import { BatchCommands } from './batch-context';

export class HandOverBatchCommand {
  constructor(readonly ctx: CommandContext, readonly batchId: string, readonly body: HandoverDto) {}
}
export class AcceptHandoverCommand {
  constructor(readonly ctx: CommandContext, readonly batchId: string, readonly handoverId: string, readonly body: HandoverAcceptanceDto) {}
}
export class EndHandoverCommand {
  constructor(readonly ctx: CommandContext, readonly batchId: string, readonly handoverId: string, readonly body: HandoverEndDto) {}
}

/** 交接: the cooperative offers its goods to a packhouse (or another cooperative) to work on. */
@CommandHandler(HandOverBatchCommand)
export class HandOverBatchHandler implements ICommandHandler<HandOverBatchCommand, HandoverView> {
  constructor(private readonly batches: BatchCommands) {}

  async execute({ ctx, batchId, body }: HandOverBatchCommand): Promise<HandoverView> {
    const to = await this.batches.docs.get<OrganizationView>('organizations', body.toOrganizationId);
    if (!to) throw notFound('organization_not_found', `no organization ${body.toOrganizationId}`, { field: 'toOrganizationId' });
    const now = this.batches.now();
    const handedOverAt = optionalUtc(body.handedOverAt, 'handedOverAt') ?? now;
    const handoverId = newId('HO', ctx, batchId);
    await this.batches.run(batchId, {
      type: 'HandOverBatch',
      actor: ctx.actor,
      now,
      handoverId,
      to: { id: to.id, role: to.role },
      handedOverAt,
      note: body.note,
    }, { ...ctx, occurredAt: handedOverAt });
    return this.batches.handover(batchId, handoverId);
  }
}

@CommandHandler(AcceptHandoverCommand)
export class AcceptHandoverHandler implements ICommandHandler<AcceptHandoverCommand, HandoverView> {
  constructor(private readonly batches: BatchCommands) {}

  async execute({ ctx, batchId, handoverId, body }: AcceptHandoverCommand): Promise<HandoverView> {
    const now = this.batches.now();
    const acceptedAt = optionalUtc(body.acceptedAt, 'acceptedAt') ?? now;
    await this.batches.run(batchId, { type: 'AcceptHandover', actor: ctx.actor, now, handoverId, acceptedAt }, { ...ctx, occurredAt: acceptedAt });
    return this.batches.handover(batchId, handoverId);
  }
}

@CommandHandler(EndHandoverCommand)
export class EndHandoverHandler implements ICommandHandler<EndHandoverCommand, HandoverView> {
  constructor(private readonly batches: BatchCommands) {}

  async execute({ ctx, batchId, handoverId, body }: EndHandoverCommand): Promise<HandoverView> {
    const now = this.batches.now();
    const endedAt = optionalUtc(body.endedAt, 'endedAt') ?? now;
    await this.batches.run(batchId, { type: 'EndHandover', actor: ctx.actor, now, handoverId, endedAt }, { ...ctx, occurredAt: endedAt });
    return this.batches.handover(batchId, handoverId);
  }
}
