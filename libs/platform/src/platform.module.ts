import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE } from '@suyuan/eventstore';
import { DOCUMENT_STORE } from '@suyuan/readmodels';
import { ApiKeyGuard } from './auth/api-key.guard';
import { CLOCK, Clock, systemClock } from './commands/clock';
import { StreamExecutor } from './commands/stream-executor';
import { APP_CONFIG, AppConfig } from './config';
import { AllErrorsFilter } from './http/all-errors.filter';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IDEMPOTENCY_STORE } from './idempotency/idempotency.store';
import { EmbeddedStorage } from './storage/embedded-storage';
import { PROJECTOR_WORKER } from './storage/worker-projector';

/** Configuration, storage, authentication, errors and idempotency: what every capability module relies on. */
@Global()
@Module({})
export class PlatformModule {
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
        StreamExecutor,
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: AllErrorsFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [APP_CONFIG, CLOCK, EVENT_STORE, DOCUMENT_STORE, PROJECTOR_WORKER, StreamExecutor, CqrsModule],
    };
  }
}
