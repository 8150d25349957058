import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { join } from 'node:path';
import { ScanFastLane } from '../../../libs/consumer/src/scan/scan-fast-lane';
import { scanRoutesOpenApi } from '../../../libs/consumer/src/scan/scan.routes';
import { Clock, systemClock } from '../../../libs/platform/src/commands/clock';
import { AppConfig } from '../../../libs/platform/src/config';
import { validationPipe } from '../../../libs/platform/src/http/validation';
import { EmbeddedStorage, ReadModelSchema, openEmbeddedStorage } from '../../../libs/platform/src/storage/embedded-storage';
import { AppModule } from './app.module';
import { readModelSchema } from './read-models';

export interface RunningApp {
  app: NestFastifyApplication;
  storage: EmbeddedStorage;
  close(): Promise<void>;
}

const BODY_LIMIT = 8 * 1024 * 1024;

/** Builds the whole system on the embedded store; shared by `main.ts`, the e2e tests and the benchmark. */
export async function createApp(
  config: AppConfig,
  options: { clock?: Clock; dbFile?: string; readModels?: ReadModelSchema } = {},
): Promise<RunningApp> {
  // `readModels` lets the benchmark run a baseline without some projections; the app always runs them all.
  const storage = await openEmbeddedStorage(options.dbFile ?? join(config.dataDir, 'suyuan.db'), options.readModels ?? readModelSchema, config.projector);
  const fastLane = new ScanFastLane();
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT, trustProxy: true, serverFactory: fastLane.serverFactory });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, storage, options.clock ?? systemClock, fastLane), adapter, {
    logger: config.logLevel === 'silent' ? false : levels(config.logLevel),
  });
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Suyuan 溯源 API')
      .setDescription('Event-sourced traceability for county farm-product supply chains: record each step, scan each item.')
      .setVersion('0.1')
      .addBearerAuth()
      .build(),
  );
  Object.assign(document.paths, scanRoutesOpenApi);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  await app.init();
  return {
    app,
    storage,
    async close() {
      await app.close();
      await storage.close();
    },
  };
}

function levels(level: AppConfig['logLevel']): ('error' | 'warn' | 'log')[] {
  return level === 'error' ? ['error'] : level === 'warn' ? ['error', 'warn'] : ['error', 'warn', 'log'];
}
