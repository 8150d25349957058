import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { itemScanUrl } from '../../../consumer/src/codes/digital-link';
import { Roles, WriteContext } from '../../../platform/src/auth/auth.decorators';
import { CommandContext } from '../../../platform/src/commands/stream-executor';
import { APP_CONFIG, AppConfig } from '../../../platform/src/config';
import { found } from '../../../platform/src/http/not-found';
import { DOCUMENT_STORE, DocumentStore } from '../../../readmodels/src/document-store.port';
import {
  IssueCertificateCommand,
  RecordCertificationCommand,
  RecordFarmInputCommand,
  RecordGradingCommand,
  RecordHarvestCommand,
  RecordPreCoolingCommand,
  RecordQualityTestCommand,
  RegisterBatchCommand,
} from '../application/batch.handlers';
import { PackBatchCommand } from '../application/packing.handler';
import { BatchView, ItemView } from '../batch.views';
import { CertificateDto, CertificationDto, FarmInputDto, GradingDto, HarvestDto, PackingDto, PreCoolingDto, QualityTestDto, RegisterBatchDto } from './batch.dto';

/** Production steps of a batch (批次): from registration on the farm plot to packed, coded items. */
@ApiTags('batches')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key is recorded once' })
@Controller('api/batches')
export class BatchController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Roles('cooperative')
  @ApiOperation({ summary: 'Register a batch (lot) of a product on one of my farm plots' })
  register(@WriteContext() ctx: CommandContext, @Body() body: RegisterBatchDto) {
    return this.commands.execute(new RegisterBatchCommand(ctx, body));
  }

  @Get()
  @ApiQuery({ name: 'cooperativeId', required: false })
  @ApiQuery({ name: 'productId', required: false })
  list(@Query('cooperativeId') cooperativeId?: string, @Query('productId') productId?: string) {
    return this.docs.find<BatchView>('batches', {
      ...(cooperativeId ? { 'cooperative.id': cooperativeId } : {}),
      ...(productId ? { 'product.id': productId } : {}),
    });
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    return found(await this.docs.get<BatchView>('batches', id), 'batch', id);
  }

  @Get(':id/items')
  @ApiOperation({ summary: 'Every packed item of the batch with its code and scan URL' })
  async items(@Param('id') id: string) {
    const batch = found(await this.docs.get<BatchView>('batches', id), 'batch', id);
    const items = await this.docs.find<ItemView>('items', { batchId: id });
    return items.map((item) => ({
      ...item,
      scanUrl: itemScanUrl(this.config.publicBaseUrl, { code: item.code, gtin14: batch.product.gtin, lotCode: batch.lotCode }),
    }));
  }

  @Post(':id/farm-inputs')
  @Roles('cooperative')
  @ApiOperation({ summary: 'Record a farm input (农业投入品) with its safety interval' })
  farmInput(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: FarmInputDto) {
    return this.commands.execute(new RecordFarmInputCommand(ctx, id, body));
  }

  @Post(':id/harvests')
  @Roles('cooperative')
  @ApiOperation({ summary: 'Record a harvest (采收)' })
  harvest(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: HarvestDto) {
    return this.commands.execute(new RecordHarvestCommand(ctx, id, body));
  }

  @Post(':id/pre-cooling')
  @Roles('cooperative', 'packhouse')
  @ApiOperation({ summary: 'Record pre-cooling (预冷) at my packhouse or cold store' })
  preCooling(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: PreCoolingDto) {
    return this.commands.execute(new RecordPreCoolingCommand(ctx, id, body));
  }

  @Post(':id/quality-tests')
  @Roles('testing_lab', 'cooperative', 'packhouse')
  @ApiOperation({ summary: 'Record a quality test (e.g. pesticide residue rapid test)' })
  qualityTest(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: QualityTestDto) {
    return this.commands.execute(new RecordQualityTestCommand(ctx, id, body));
  }

  @Post(':id/grading')
  @Roles('cooperative', 'packhouse')
  @ApiOperation({ summary: 'Record grading (分级) with measured attributes per grade class' })
  grading(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: GradingDto) {
    return this.commands.execute(new RecordGradingCommand(ctx, id, body));
  }

  @Post(':id/packing')
  @Roles('cooperative', 'packhouse')
  @ApiOperation({ summary: 'Pack items into cartons; every item gets its own code (一物一码)' })
  pack(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: PackingDto) {
    return this.commands.execute(new PackBatchCommand(ctx, id, body));
  }

  @Post(':id/certificate')
  @Roles('cooperative')
  @ApiOperation({ summary: 'Issue the 承诺达标合格证 (compliance certificate) for the batch' })
  certificate(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: CertificateDto) {
    return this.commands.execute(new IssueCertificateCommand(ctx, id, body));
  }

  @Post(':id/certifications')
  @Roles('cooperative')
  @ApiOperation({ summary: 'Record a product certification the batch holds (绿色食品, 有机产品, 地理标志)' })
  certification(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: CertificationDto) {
    return this.commands.execute(new RecordCertificationCommand(ctx, id, body));
  }
}
