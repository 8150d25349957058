import { Module } from '@nestjs/common';
import { ScanController } from './scan/scan.controller';
import { ScanService } from './scan/scan.service';

/** The consumer's side: scan pages and QR images. */
@Module({ controllers: [ScanController], providers: [ScanService] })
export class ConsumerModule {}
