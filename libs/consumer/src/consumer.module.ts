import { DynamicModule, Module } from '@nestjs/common';
import { QrController } from './scan/qr.controller';
import { ScanFastLane } from './scan/scan-fast-lane';
import { ScanCache } from './scan/scan-cache';
import { ScanPath } from './scan/scan-path';
import { ScanRoutes } from './scan/scan.routes';

/** The consumer's side: scan pages and QR images. */
@Module({})
export class ConsumerModule {
  /** `fastLane`: the HTTP server's lane for scans, when the server was built with it. */
  static register(fastLane?: ScanFastLane): DynamicModule {
    return {
      module: ConsumerModule,
      controllers: [QrController],
      providers: [ScanCache, ScanPath, ScanRoutes, ...(fastLane ? [{ provide: ScanFastLane, useValue: fastLane }] : [])],
    };
  }
}
