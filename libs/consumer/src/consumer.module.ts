import { DynamicModule, Module } from '@nestjs/common';
import { QrController } from './scan/qr.controller';
import { ScanFastLane } from './scan/scan-fast-lane';
import { ScanRoutes } from './scan/scan.routes';
import { ScanService } from './scan/scan.service';

/** The consumer's side: scan pages and QR images. */
@Module({})
export class ConsumerModule {
  /** `fastLane`: the HTTP server's lane for scans, when the server was built with it. */
  static register(fastLane?: ScanFastLane): DynamicModule {
    return {
      module: ConsumerModule,
      controllers: [QrController],
      providers: [ScanService, ScanRoutes, ...(fastLane ? [{ provide: ScanFastLane, useValue: fastLane }] : [])],
    };
  }
}
