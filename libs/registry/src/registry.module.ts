import { Global, Module } from '@nestjs/common';
import { API_KEY_LOOKUP } from '@suyuan/platform';
import { ReadModelApiKeyLookup } from './api-key-lookup';
import { FacilityCommandHandler } from './application/facility.handler';
import { OrganizationCommandHandler } from './application/organization.handler';
import { ProductCommandHandler } from './application/product.handler';
import { RegistryController } from './http/registry.controller';
import { PersonsModule } from './persons/persons.module';

/**
 * Organizations and their keys, facilities, products, natural persons: who and where in the
 * chain. Global, for what every module needs of it: the API key lookup behind authentication,
 * and the directory that names persons.
 */
@Global()
@Module({
  imports: [PersonsModule],
  controllers: [RegistryController],
  providers: [
    OrganizationCommandHandler,
    FacilityCommandHandler,
    ProductCommandHandler,
    { provide: API_KEY_LOOKUP, useClass: ReadModelApiKeyLookup },
  ],
  exports: [API_KEY_LOOKUP, PersonsModule],
})
export class RegistryModule {}
