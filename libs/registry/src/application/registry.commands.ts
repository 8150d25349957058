import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@suyuan/platform/nest';
import { IssueApiKey, RegisterFacility, RegisterOrganization, RegisterProduct, RevokeApiKey } from '../domain/commands';
import { FacilityView, OrganizationView, ProductView } from '../registry.views';

/*
 * What a caller asks of the registry: the domain's commands without the actor (the context
 * carries it) and without the ids and facts the handler mints or looks up.
 */

export type OrganizationCommandInput =
  | Omit<RegisterOrganization, 'actor' | 'organizationId'>
  | Omit<IssueApiKey, 'actor' | 'keyId' | 'secretHash'>
  | Omit<RevokeApiKey, 'actor'>;

/** The plain key is in this answer only: it is never stored. */
export interface IssuedApiKey {
  organizationId: string;
  keyId: string;
  apiKey: string;
}

export interface OrganizationAnswers {
  RegisterOrganization: OrganizationView;
  IssueApiKey: IssuedApiKey;
  RevokeApiKey: { organizationId: string; keyId: string; revoked: true };
}

export class OrganizationWrite<I extends OrganizationCommandInput = OrganizationCommandInput> extends Command<
  OrganizationAnswers[I['type']]
> {
  constructor(
    readonly ctx: CommandContext,
    readonly input: I,
  ) {
    super();
  }
}

/** A facility of the caller's organization, or of the one it names (only the administrator may). */
export type RegisterFacilityInput = Omit<RegisterFacility, 'actor' | 'facilityId' | 'ownerId' | 'ownerRole'> & { ownerId?: string };

export class FacilityWrite extends Command<FacilityView> {
  constructor(
    readonly ctx: CommandContext,
    readonly input: RegisterFacilityInput,
  ) {
    super();
  }
}

export type RegisterProductInput = Omit<RegisterProduct, 'actor' | 'productId'>;

export class ProductWrite extends Command<ProductView> {
  constructor(
    readonly ctx: CommandContext,
    readonly input: RegisterProductInput,
  ) {
    super();
  }
}
