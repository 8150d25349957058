import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@suyuan/platform';
import { Checkpointer } from './checkpointer';

/** The scheduler's own name in the checkpoint events' metadata. */
const SCHEDULE = { organizationId: 'system', keyId: 'audit-checkpoint-schedule' };

/** Signs a checkpoint every AUDIT_CHECKPOINT_MINUTES when something was recorded since the last one. */
@Injectable()
export class CheckpointSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('audit');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly checkpointer: Checkpointer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.auditCheckpointMinutes === 0) return;
    this.timer = setInterval(() => this.tick(), this.config.auditCheckpointMinutes * 60_000);
    // The schedule alone must not keep a process alive (tests, a CLI reusing the app).
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.checkpointer
      .sign(SCHEDULE)
      .then(({ checkpoint, created }) => {
        if (created) this.logger.log(`checkpoint signed at position ${checkpoint.position} (${checkpoint.streams} streams)`);
      })
      .catch((error: unknown) => this.logger.error(`no checkpoint signed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.running = undefined));
  }
}
