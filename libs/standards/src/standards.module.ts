import { Module } from '@nestjs/common';
import { ProductionModule } from '@suyuan/production/nest';
import { CertifyBatchHandler, PublishStandardHandler } from './application/standard.handlers';
import { ComplianceController } from './http/compliance.controller';
import { StandardsController } from './http/standards.controller';

/** Product standards, compliance views, alerts and the regional brand label. */
@Module({
  imports: [ProductionModule],
  controllers: [StandardsController, ComplianceController],
  providers: [PublishStandardHandler, CertifyBatchHandler],
})
export class StandardsModule {}
