import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { notFound } from '@suyuan/core';
import { Clock, CLOCK } from '@suyuan/platform';
import { utc } from '@suyuan/core';
import { StreamExecutor } from '@suyuan/platform/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { FacilityView } from '@suyuan/registry';
import { decideColdChainReadings } from '../domain/cold-chain';
import { ColdChainWrite, ReadingsAccepted } from './logistics.commands';

/**
 * Device uploads go to the facility's own cold-chain stream with no concurrency check:
 * readings are facts that never conflict, and they must not contend with shipments.
 */
@CommandHandler(ColdChainWrite)
export class ColdChainCommandHandler implements ICommandHandler<ColdChainWrite> {
  constructor(
    private readonly executor: StreamExecutor,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ ctx, input }: ColdChainWrite): Promise<ReadingsAccepted> {
    const view = await this.docs.get<FacilityView>('facilities', input.facilityId);
    if (!view) throw notFound('facility_not_found', `no facility ${input.facilityId}`);
    const event = decideColdChainReadings({
      type: 'RecordColdChainReadings',
      actor: ctx.actor,
      facility: { id: view.id, ownerId: view.ownerId, type: view.type },
      deviceId: input.deviceId,
      readings: input.readings.map((r, i) => ({
        at: utc(r.at, `readings.${i}.at`),
        temperatureC: r.temperatureC,
        humidityPct: r.humidityPct,
      })),
      now: this.clock.now().toISOString(),
    });
    const readings = event.data.readings;
    await this.executor.append(`coldchain-${view.id}`, [event], {
      ...ctx,
      facilityId: view.id,
      occurredAt: readings[readings.length - 1].at,
    });
    return {
      facilityId: view.id,
      deviceId: input.deviceId,
      accepted: readings.length,
      from: readings[0].at,
      to: readings[readings.length - 1].at,
    };
  }
}
