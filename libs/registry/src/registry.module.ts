import { Module } from '@nestjs/common';
import { RegisterFacilityHandler, RegisterProductHandler } from './application/facility-product.handlers';
import { IssueApiKeyHandler, RegisterOrganizationHandler, RevokeApiKeyHandler } from './application/organization.handlers';
import { RegistryController } from './http/registry.controller';

/** Organizations and their keys, facilities, products: who and where in the chain. */
@Module({
  controllers: [RegistryController],
  providers: [RegisterOrganizationHandler, IssueApiKeyHandler, RevokeApiKeyHandler, RegisterFacilityHandler, RegisterProductHandler],
})
export class RegistryModule {}
