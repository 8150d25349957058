import { Global, Module } from '@nestjs/common';
import { API_KEY_LOOKUP } from '@suyuan/platform';
import { ReadModelApiKeyLookup } from './api-key-lookup';
import { FacilityCommandHandler } from './application/facility.handler';
import { OrganizationCommandHandler } from './application/organization.handler';
import { ProductCommandHandler } from './application/product.handler';
import { RegistryController } from './http/registry.controller';

/**
 * Organizations and their keys, facilities, products: who and where in the chain. Global, for
 * the one thing every module's requests need of it: the API key lookup behind authentication.
 */
@Global()
@Module({
  controllers: [RegistryController],
  providers: [
    OrganizationCommandHandler,
    FacilityCommandHandler,
    ProductCommandHandler,
    { provide: API_KEY_LOOKUP, useClass: ReadModelApiKeyLookup },
  ],
  exports: [API_KEY_LOOKUP],
})
export class RegistryModule {}
