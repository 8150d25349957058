import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor } from '@suyuan/core';
import { CommandContext, CurrentActor, found, NotReplayable, Roles, WriteContext } from '@suyuan/platform/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { FacilityWrite, OrganizationWrite, ProductWrite } from '../application/registry.commands';
import { FacilityView, OrganizationView, ProductView } from '../registry.views';
import { IssueApiKeyDto, RegisterFacilityDto, RegisterOrganizationDto, RegisterProductDto } from './registry.dto';

const IDEMPOTENCY = { name: 'Idempotency-Key', required: false, description: 'a retry with the same key is recorded once' };

@ApiTags('registry')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY)
@Controller('api')
export class RegistryController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {}

  @Get('me')
  @ApiOperation({ summary: 'Who my API key acts for' })
  async me(@CurrentActor() actor: Actor) {
    const organization = await this.docs.get<OrganizationView>('organizations', actor.organizationId);
    return { ...actor, organization };
  }

  @Post('organizations')
  @Roles('admin')
  @ApiOperation({ summary: 'Register an organization (administrator)' })
  registerOrganization(@WriteContext() ctx: CommandContext, @Body() body: RegisterOrganizationDto) {
    return this.commands.execute(new OrganizationWrite(ctx, { type: 'RegisterOrganization', ...body }));
  }

  @Get('organizations')
  @Roles('admin', 'regulator', 'standards_owner')
  @ApiQuery({ name: 'role', required: false })
  listOrganizations(@Query('role') role?: string) {
    return this.docs.find<OrganizationView>('organizations', role ? { role } : {});
  }

  @Get('organizations/:id')
  async organization(@Param('id') id: string) {
    return found(await this.docs.get<OrganizationView>('organizations', id), 'organization', id);
  }

  @Post('organizations/:id/api-keys')
  @Roles('admin')
  @NotReplayable()
  @ApiOperation({
    summary: 'Issue an API key for an organization; the key is shown once (administrator)',
    description:
      'Sent again with the same Idempotency-Key, it issues no second key: 409 api_key_already_issued names the key issued for it.',
  })
  issueKey(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: IssueApiKeyDto) {
    return this.commands.execute(new OrganizationWrite(ctx, { type: 'IssueApiKey', organizationId: id, label: body.label }));
  }

  @Delete('organizations/:id/api-keys/:keyId')
  @Roles('admin')
  @HttpCode(200)
  revokeKey(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Param('keyId') keyId: string) {
    return this.commands.execute(new OrganizationWrite(ctx, { type: 'RevokeApiKey', organizationId: id, keyId }));
  }

  @Post('facilities')
  @ApiOperation({
    summary: 'Register a facility of my organization (farm plot, packhouse, cold store, hub, station, village point, vehicle, lab)',
  })
  registerFacility(@WriteContext() ctx: CommandContext, @Body() body: RegisterFacilityDto) {
    const { type: facilityType, ...facility } = body;
    return this.commands.execute(new FacilityWrite(ctx, { type: 'RegisterFacility', facilityType, ...facility }));
  }

  @Get('facilities')
  @ApiQuery({ name: 'ownerId', required: false })
  @ApiQuery({ name: 'type', required: false })
  listFacilities(@Query('ownerId') ownerId?: string, @Query('type') type?: string) {
    return this.docs.find<FacilityView>('facilities', { ...(ownerId ? { ownerId } : {}), ...(type ? { type } : {}) });
  }

  @Get('facilities/:id')
  async facility(@Param('id') id: string) {
    return found(await this.docs.get<FacilityView>('facilities', id), 'facility', id);
  }

  @Post('products')
  @Roles('admin', 'standards_owner')
  @ApiOperation({ summary: 'Register a product (administrator or standards owner)' })
  registerProduct(@WriteContext() ctx: CommandContext, @Body() body: RegisterProductDto) {
    return this.commands.execute(new ProductWrite(ctx, { type: 'RegisterProduct', ...body }));
  }

  @Get('products')
  listProducts() {
    return this.docs.find<ProductView>('products');
  }

  @Get('products/:id')
  async product(@Param('id') id: string) {
    return found(await this.docs.get<ProductView>('products', id), 'product', id);
  }
}
