import { Module } from '@nestjs/common';
import { ProductionModule } from '@suyuan/production/nest';
import { BrandCommandHandler } from './application/brand.handler';
import { StandardCommandHandler } from './application/standard.handler';
import { ComplianceController } from './http/compliance.controller';
import { StandardsController } from './http/standards.controller';

/** Product standards, compliance views, alerts and the regional brand label. */
@Module({
  imports: [ProductionModule],
  controllers: [StandardsController, ComplianceController],
  providers: [StandardCommandHandler, BrandCommandHandler],
})
export class StandardsModule {}
