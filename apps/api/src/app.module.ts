import { DynamicModule, Module } from '@nestjs/common';
import { ConsumerModule } from '../../../libs/consumer/src/consumer.module';
import { ScanFastLane } from '../../../libs/consumer/src/scan/scan-fast-lane';
import { LogisticsModule } from '../../../libs/logistics/src/logistics.module';
import { Clock, systemClock } from '../../../libs/platform/src/commands/clock';
import { AppConfig } from '../../../libs/platform/src/config';
import { PlatformModule } from '../../../libs/platform/src/platform.module';
import { EmbeddedStorage } from '../../../libs/platform/src/storage/embedded-storage';
import { ProductionModule } from '../../../libs/production/src/production.module';
import { RegistryModule } from '../../../libs/registry/src/registry.module';
import { StandardsModule } from '../../../libs/standards/src/standards.module';
import { HealthController } from './health.controller';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, storage: EmbeddedStorage, clock: Clock = systemClock, fastLane?: ScanFastLane): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config, storage, clock), RegistryModule, ProductionModule, LogisticsModule, StandardsModule, ConsumerModule.register(fastLane)],
      controllers: [HealthController],
    };
  }
}
