import { DynamicModule, Global, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE } from '@suyuan/eventstore';
import { DOCUMENT_STORE } from '@suyuan/readmodels';
import { join } from 'node:path';
import { ApiKeyGuard } from './auth/api-key.guard';
import { CLOCK, Clock, systemClock } from './commands/clock';
import { StreamExecutor } from './commands/stream-executor';
import { APP_CONFIG, AppConfig } from './config';
import { AllErrorsFilter } from './http/all-errors.filter';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IDEMPOTENCY_STORE } from './idempotency/idempotency.store';
import { PERSONAL_KEY_VAULT, PersonalKeyVault } from './keys/personal-key-vault.port';
import { SqlitePersonalKeyVault } from './keys/sqlite-personal-key-vault';
import { EmbeddedStorage } from './storage/embedded-storage';
import { PROJECTOR_WORKER } from './storage/worker-projector';

/** Configuration, storage, authentication, errors and idempotency: what every capability module relies on. */
@Global()
@Module({})
export class PlatformModule implements OnModuleDestroy {
  constructor(@Inject(PERSONAL_KEY_VAULT) private readonly personalKeys: PersonalKeyVault) {}

  static forRoot(config: AppConfig, storage: EmbeddedStorage, clock: Clock = systemClock): DynamicModule {
    return {
      module: PlatformModule,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        { provide: EVENT_STORE, useValue: storage.events },
        { provide: DOCUMENT_STORE, useValue: storage.readModels },
        { provide: IDEMPOTENCY_STORE, useValue: storage.idempotency },
        { provide: PROJECTOR_WORKER, useValue: storage.worker ?? null },
        // Beside the event store's file, never in it: erasing a person destroys a key the log does not hold.
        {
          provide: PERSONAL_KEY_VAULT,
          useFactory: ({ dataDir }: AppConfig) => SqlitePersonalKeyVault.open(join(dataDir, 'personal-keys.sqlite')),
          inject: [APP_CONFIG],
        },
        StreamExecutor,
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: AllErrorsFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [APP_CONFIG, CLOCK, EVENT_STORE, DOCUMENT_STORE, PROJECTOR_WORKER, PERSONAL_KEY_VAULT, StreamExecutor, CqrsModule],
    };
  }

  onModuleDestroy(): Promise<void> {
    return this.personalKeys.close();
  }
}
