import { Module } from '@nestjs/common';
import { QrController } from './scan/qr.controller';
import { ScanRoutes } from './scan/scan.routes';
import { ScanService } from './scan/scan.service';

/** The consumer's side: scan pages and QR images. */
@Module({ controllers: [QrController], providers: [ScanService, ScanRoutes] })
export class ConsumerModule {}
