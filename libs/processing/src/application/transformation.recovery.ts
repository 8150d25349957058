import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@suyuan/eventstore';
import { CLOCK, Clock } from '@suyuan/platform';
import { CommandContext } from '@suyuan/platform/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { TransformationRecorded } from '../domain/events';
import { OpenReservationView } from '../transformations/transformation.views';
import { TransformationManager, transformationStream } from './transformation.manager';

/** Longer than any transformation request takes: a reservation this old belongs to a writer that stopped. */
const GRACE_MS = 2 * 60_000;
const SWEEP_EVERY_MS = 60_000;

/**
 * Finishes what a stopped writer left half done (see TransformationManager): reservations whose
 * transformation was recorded are carried through (outputs registered, inputs consumed);
 * reservations whose transformation never was are released. Runs at start and every minute.
 */
@Injectable()
export class TransformationRecovery implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TransformationRecovery');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly manager: TransformationManager,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => this.sweep().catch((error) => this.logger.warn(`recovery sweep failed: ${error}`));
    void run();
    this.timer = setInterval(run, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** One pass over the open reservations older than `graceMs`; answers what it did. */
  async sweep(graceMs = GRACE_MS): Promise<{ finished: string[]; released: string[] }> {
    const cutoff = this.clock.now().getTime() - graceMs;
    const open = (await this.docs.find<OpenReservationView>('openReservations')).filter((r) => Date.parse(r.reservedAt) <= cutoff);
    const byTransformation = new Map<string, OpenReservationView[]>();
    for (const r of open) byTransformation.set(r.transformationId, [...(byTransformation.get(r.transformationId) ?? []), r]);
    const done = { finished: [] as string[], released: [] as string[] };
    for (const [transformationId, reservations] of byTransformation) {
      const recorded = (await this.events.readStream(transformationStream(transformationId))).find(
        (e) => e.type === 'TransformationRecorded',
      );
      const processorId = reservations[0].processorId;
      const ctx: CommandContext = { actor: { organizationId: processorId, keyId: 'system:recovery', role: 'processor' } };
      if (recorded) {
        const d = recorded.data as TransformationRecorded['data'];
        await this.manager.finish(ctx, {
          type: 'RecordTransformation',
          actor: ctx.actor,
          now: this.clock.now().toISOString(),
          transformationId,
          plant: { id: d.plantId, ownerId: d.processorId, type: 'processing_plant' },
          process: d.process,
          startedAt: d.startedAt,
          endedAt: d.endedAt,
          steps: d.steps,
          inputs: d.inputs,
          outputs: d.outputs,
          quarantineCertificateNo: d.quarantineCertificateNo,
        });
        done.finished.push(transformationId);
      } else {
        await this.manager.release(
          ctx.actor,
          transformationId,
          reservations.map((r) => ({ id: r.batchId })),
          undefined,
        );
        done.released.push(transformationId);
      }
    }
    return done;
  }
}
