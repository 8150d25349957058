import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { fold } from '@suyuan/core';
import { EVENT_STORE, EventStore } from '@suyuan/eventstore';
import { CLOCK, Clock } from '@suyuan/platform';
import { CommandContext, StreamExecutor, found, newId } from '@suyuan/platform/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { BatchReaders } from '../access/batch-readers';
import { inJurisdiction } from '../access/read-policy';
import { BatchCommands } from '../application/batch-context';
import { SpotCheckEvent, SpotCheckResultRecorded, spotCheckDecider, spotCheckStream } from '../domain/spot-check.decider';
import { UnitHolds } from '../holds/unit-holds';
import { SpotCheckInput, SpotCheckWrite } from './spot-checks.commands';
import { SPOT_CHECKS, SpotCheckView } from './spot-checks.views';

type Input<T extends SpotCheckInput['type']> = Extract<SpotCheckInput, { type: T }>;

/**
 * Samplings on their own streams; a failed result holds the lot on the batch's stream, in the
 * sampling regulator's name. The two appends are apart: a retry of the result (same
 * Idempotency-Key) replays the result and puts the hold if it is not there yet.
 */
@CommandHandler(SpotCheckWrite)
export class SpotChecksHandler implements ICommandHandler<SpotCheckWrite> {
  constructor(
    private readonly executor: StreamExecutor,
    private readonly batches: BatchCommands,
    private readonly readers: BatchReaders,
    private readonly holds: UnitHolds,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async execute({ ctx, input }: SpotCheckWrite): Promise<SpotCheckView> {
    const id = input.type === 'RecordSampling' ? await this.sample(ctx, input) : await this.result(ctx, input);
    return found(await this.docs.get<SpotCheckView>(SPOT_CHECKS, id), 'spot check', id);
  }

  private async sample(ctx: CommandContext, { type: _type, ...input }: Input<'RecordSampling'>): Promise<string> {
    const batch = await this.batches.batch(input.batchId);
    const state = await this.batches.state(batch.id);
    const unknownUnits = [
      ...(input.units?.cartonIds ?? []).filter((id) => !state.packedCartonIds.has(id)),
      ...(input.units?.codes ?? []).filter((code) => !state.packedCodes.has(code)),
    ];
    const viewer = await this.readers.viewer(ctx.actor);
    const spotCheckId = newId('SC', ctx);
    const now = this.clock.now().toISOString();
    await this.executor.execute(
      spotCheckStream(spotCheckId),
      spotCheckDecider,
      {
        type: 'RecordSampling',
        actor: ctx.actor,
        now,
        ...input,
        spotCheckId,
        inJurisdiction: inJurisdiction(viewer.jurisdiction, batch.farmPlot.region),
        unknownUnits,
      },
      { ...ctx, occurredAt: input.sampledAt, ...(input.facilityId && { facilityId: input.facilityId }) },
    );
    return spotCheckId;
  }

  private async result(ctx: CommandContext, { type: _type, ...input }: Input<'RecordSpotCheckResult'>): Promise<string> {
    const now = this.clock.now().toISOString();
    const stream = spotCheckStream(input.spotCheckId);
    await this.executor.execute(
      stream,
      spotCheckDecider,
      { type: 'RecordSpotCheckResult', actor: ctx.actor, now, ...input },
      {
        ...ctx,
        occurredAt: input.testedAt,
      },
    );
    const { sampling, result } = fold(spotCheckDecider, (await this.events.readStream(stream)) as unknown as SpotCheckEvent[]);
    if (sampling && result && !result.passed) await this.holdLot(ctx, sampling.regulatorId, result);
    return input.spotCheckId;
  }

  private async holdLot(ctx: CommandContext, regulatorId: string, result: SpotCheckResultRecorded['data']): Promise<void> {
    const { lot } = (await this.batches.state(result.batchId)).regulatorHolds;
    if (lot) return;
    const measured =
      result.value !== undefined ? `，检测值 ${result.value}${result.unit ?? ''}（限量 ${result.threshold}${result.unit ?? ''}）` : '';
    const reason = `抽检不合格（${result.analyte ?? '检验项目'}${measured}），抽检编号 ${result.spotCheckId}`;
    await this.holds.apply(
      ctx,
      { type: 'HoldUnit', unit: { batchId: result.batchId }, reason },
      { spotCheckId: result.spotCheckId, regulatorId },
    );
  }
}
