import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PROJECTOR_WORKER, Public, WorkerProjector } from '@suyuan/platform/nest';
import { DOCUMENT_STORE, DocumentStore, INLINE_CHECKPOINT } from '@suyuan/readmodels';

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(PROJECTOR_WORKER) private readonly worker: WorkerProjector | null,
  ) {}

  /** `degraded` when the projector worker has stopped: appends still land, its read models wait. */
  @Get('health')
  async health() {
    const projectedPosition = await this.docs.checkpoint(INLINE_CHECKPOINT);
    const worker = this.worker?.status();
    return { status: worker?.error ? 'degraded' : 'ok', store: 'embedded-sqlite', projectedPosition, ...(worker && { worker }) };
  }
}
