import { Body, Controller, Get, Inject, Param, ParseIntPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandContext, found, Roles, WriteContext } from '@suyuan/platform/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { StandardWrite } from '../application/standards.commands';
import { StandardView } from '../compliance/compliance.views';
import { PublishStandardDto } from './standard.dto';

/** Product standards (电商交易标准) as data, versioned: published by the county's standards owner. */
@ApiTags('standards')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key is recorded once' })
@Controller('api/standards')
export class StandardsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {}

  @Post()
  @Roles('standards_owner')
  @ApiOperation({ summary: "Publish a product's standard: version 1, or the next revision (earlier versions stay readable)" })
  publish(@WriteContext() ctx: CommandContext, @Body() body: PublishStandardDto) {
    return this.commands.execute(new StandardWrite(ctx, { type: 'PublishStandard', ...body }));
  }

  @Get()
  @ApiOperation({ summary: 'Every product standard with all its versions' })
  list() {
    return this.docs.find<StandardView>('standards');
  }

  @Get(':productId')
  @ApiOperation({ summary: "A product's standard with all its versions, oldest first" })
  async get(@Param('productId') productId: string) {
    return found(await this.docs.get<StandardView>('standards', productId), 'standard', productId);
  }

  @Get(':productId/versions/:version')
  @ApiOperation({ summary: 'One version of a standard' })
  async version(@Param('productId') productId: string, @Param('version', ParseIntPipe) version: number) {
    const standard = found(await this.docs.get<StandardView>('standards', productId), 'standard', productId);
    return found(
      standard.versions.find((v) => v.version === version),
      'standard_version',
      String(version),
    );
  }
}
