import { DynamicModule, Module } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig, verificationSecret } from '@suyuan/platform';
import { ProductionModule } from '@suyuan/production/nest';
import { CounterfeitSignalsController } from './scan-count/counterfeit-signals.controller';
import { FormBodies } from './scan-count/form-body';
import { ProblemReportsController } from './scan-count/problem-reports.controller';
import { ProblemReports } from './scan-count/problem-reports';
import { SignalsScopes } from './scan-count/signals-scope';
import { VERIFICATION_SECRET, VerificationController } from './scan-count/verification.controller';
import { VerificationCodesController } from './scan-count/verification-codes.controller';
import { ScanCounter } from './scan-count/scan-counter';
import { SCAN_LOG } from './scan-count/scan-log.port';
import { SqliteScanLog } from './scan-count/sqlite-scan-log';
import { QrController } from './scan/qr.controller';
import { ScanFastLane } from './scan/scan-fast-lane';
import { ScanCache } from './scan/scan-cache';
import { SaleHoldIndex } from './holds/sale-hold-index';
import { ScanPath } from './scan/scan-path';
import { ScanRoutes } from './scan/scan.routes';
import { SellableCheck } from './sellable/sellable-check';
import { SellableRoutes } from './sellable/sellable.routes';

/** The consumer's side: scan pages and QR images; scans counted in a log of their own (`scans.sqlite`). */
@Module({})
export class ConsumerModule {
  /** `fastLane`: the HTTP server's lane for scans, when the server was built with it. */
  static register(fastLane?: ScanFastLane): DynamicModule {
    return {
      module: ConsumerModule,
      // The read policy's viewer: a regulator's jurisdiction scopes its signals and reports.
      imports: [ProductionModule],
      controllers: [
        QrController,
        VerificationController,
        VerificationCodesController,
        CounterfeitSignalsController,
        ProblemReportsController,
      ],
      providers: [
        {
          provide: SCAN_LOG,
          useFactory: ({ dataDir }: AppConfig) => SqliteScanLog.open(join(dataDir, 'scans.sqlite')),
          inject: [APP_CONFIG],
        },
        { provide: VERIFICATION_SECRET, useFactory: verificationSecret, inject: [APP_CONFIG] },
        ScanCounter,
        SignalsScopes,
        ProblemReports,
        FormBodies,
        SaleHoldIndex,
        ScanCache,
        ScanPath,
        ScanRoutes,
        SellableCheck,
        SellableRoutes,
        ...(fastLane ? [{ provide: ScanFastLane, useValue: fastLane }] : []),
      ],
    };
  }
}
