import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { join } from 'node:path';
import { ScanFastLane } from '@suyuan/consumer';
import { scanRoutesOpenApi, sellableRoutesOpenApi } from '@suyuan/consumer/nest';
import { AppConfig, Clock, systemClock } from '@suyuan/platform';
import {
  addSecurityHeaders,
  depthCheckedJsonParser,
  EmbeddedStorage,
  guardRequestEdge,
  openEmbeddedStorage,
  ReadModelSchema,
  sendWithSecurityHeaders,
  validationPipe,
} from '@suyuan/platform/nest';
import { AppModule } from './app.module';
import { BODY_LIMITS, DEFAULT_BODY_LIMIT } from './body-limits';
import { readModelSchema } from './read-models';

export interface RunningApp {
  app: NestFastifyApplication;
  storage: EmbeddedStorage;
  close(): Promise<void>;
}

const DOCS_PATH = '/api/docs';

/** Builds the whole system on the embedded store; shared by `main.ts`, the e2e tests and the benchmark. */
export async function createApp(
  config: AppConfig,
  options: { clock?: Clock; dbFile?: string; readModels?: ReadModelSchema } = {},
): Promise<RunningApp> {
  // `readModels` lets the benchmark run a baseline without some projections; the app always runs them all.
  const storage = await openEmbeddedStorage(
    options.dbFile ?? join(config.dataDir, 'suyuan.db'),
    options.readModels ?? readModelSchema,
    config.projector,
  );
  const fastLane = new ScanFastLane();
  const adapter = new FastifyAdapter({
    bodyLimit: DEFAULT_BODY_LIMIT,
    // A number of hops: the address that many proxies back, never the header's first (the client's own) entry.
    trustProxy: (_address: string, hop: number) => hop < config.trustProxyHops,
    serverFactory: fastLane.serverFactory,
    frameworkErrors: sendWithSecurityHeaders,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, storage, options.clock ?? systemClock, fastLane),
    adapter,
    {
      logger: config.logLevel === 'silent' ? false : levels(config.logLevel),
    },
  );
  const fastify = adapter.getInstance();
  addSecurityHeaders(fastify, DOCS_PATH);
  app.useBodyParser('application/json', {}, depthCheckedJsonParser(fastify));
  const edge = guardRequestEdge(fastify, {
    defaultBodyLimit: DEFAULT_BODY_LIMIT,
    bodyLimits: BODY_LIMITS,
    apiPrefix: '/api/',
    docsPath: DOCS_PATH,
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
  Object.assign(document.paths, scanRoutesOpenApi, sellableRoutesOpenApi);
  SwaggerModule.setup(DOCS_PATH.slice(1), app, document, { jsonDocumentUrl: `${DOCS_PATH.slice(1)}-json` });
  await app.init();
  edge.verify();
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
