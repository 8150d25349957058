import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { notFound } from '@suyuan/core';
import { found, newId, StreamExecutor } from '@suyuan/platform/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { facilityDecider } from '../domain/facility.decider';
import { FacilityView, OrganizationView } from '../registry.views';
import { FacilityWrite } from './registry.commands';

/** Registers a facility; the decider checks its owner's role may run one of its type. */
@CommandHandler(FacilityWrite)
export class FacilityCommandHandler implements ICommandHandler<FacilityWrite> {
  constructor(
    private readonly executor: StreamExecutor,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {}

  async execute({ ctx, input }: FacilityWrite): Promise<FacilityView> {
    const ownerId = input.ownerId ?? ctx.actor.organizationId;
    const owner = await this.docs.get<OrganizationView>('organizations', ownerId);
    if (!owner) throw notFound('organization_not_found', `no organization ${ownerId} to own the facility`);
    const facilityId = newId('FAC', ctx);
    await this.executor.execute(
      `facility-${facilityId}`,
      facilityDecider,
      {
        type: 'RegisterFacility',
        actor: ctx.actor,
        facilityId,
        ownerId,
        ownerRole: owner.role,
        facilityType: input.facilityType,
        name: input.name,
        region: { ...input.region },
        location: input.location && { ...input.location },
        plate: input.plate,
        areaMu: input.areaMu,
      },
      ctx,
    );
    return found(await this.docs.get<FacilityView>('facilities', facilityId), 'facility', facilityId);
  }
}
