import { Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, conflict, invalid, notFound, wholeQueryNumber } from '@suyuan/core';
import { EVENT_STORE, EventStore } from '@suyuan/eventstore';
import { APP_CONFIG, AppConfig } from '@suyuan/platform';
import { CurrentActor, Public, Roles } from '@suyuan/platform/nest';
import { Checkpoint } from '../checkpoints/checkpoint';
import { Checkpointer } from '../checkpoints/checkpointer';
import { publicKeyPem, retiredPublicKeys } from '../checkpoints/signing-key';
import { BrokenHistoryError } from '../checkpoints/stream-heads';
import { verifyStream } from '../verify/stream-verdict';

const AUDITORS = ['regulator', 'admin'];

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(
    private readonly checkpointer: Checkpointer,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('public-key')
  @Public()
  @ApiOperation({ summary: 'The Ed25519 key checkpoints are signed with, and the retired keys older checkpoints name' })
  publicKey() {
    const { keyId, publicKey } = this.checkpointer.signingKey;
    const retired = retiredPublicKeys(this.config.dataDir).map((key) => ({ keyId: key.keyId, publicKeyPem: publicKeyPem(key.publicKey) }));
    return { algorithm: 'Ed25519', keyId, publicKey, publicKeyPem: publicKeyPem(publicKey), retired };
  }

  @Get('checkpoints')
  @Roles(...AUDITORS)
  @ApiQuery({ name: 'limit', required: false, description: 'how many, newest first (default 20, at most 1000)' })
  @ApiOperation({ summary: 'Signed checkpoints of the whole history, newest first (regulator)' })
  async checkpoints(@Query('limit') limit?: string): Promise<Checkpoint[]> {
    return this.checkpointer.checkpoints(wholeQueryNumber('limit', limit, { min: 1, max: 1000, default: 20 }));
  }

  @Get('checkpoints/latest')
  @Roles(...AUDITORS)
  @ApiOperation({
    summary: 'The latest signed checkpoint: the JSON file to keep and check later with audit:verify --checkpoint (regulator)',
  })
  async latest(): Promise<Checkpoint> {
    const latest = await this.checkpointer.latest();
    if (!latest) throw notFound('checkpoint_not_found', 'no checkpoint signed yet: POST /api/audit/checkpoints signs one');
    return latest;
  }

  @Post('checkpoints')
  @HttpCode(200)
  @Roles(...AUDITORS)
  @ApiOperation({ summary: 'Sign a checkpoint now; the latest one when nothing was recorded since (regulator)' })
  async sign(@CurrentActor() actor: Actor) {
    try {
      return await this.checkpointer.sign({ organizationId: actor.organizationId, keyId: actor.keyId });
    } catch (error) {
      if (error instanceof BrokenHistoryError) throw conflict('history_broken', error.message);
      throw error;
    }
  }

  @Get('verify')
  @Roles(...AUDITORS)
  @ApiQuery({ name: 'stream', required: true, description: 'a stream id, e.g. batch-… or shipment-…' })
  @ApiOperation({ summary: "One stream's hash chain recomputed, and its head proved part of the latest signed checkpoint (regulator)" })
  async verify(@Query('stream') stream?: string) {
    if (typeof stream !== 'string' || stream.length === 0 || stream.length > 200) {
      throw invalid('invalid_query', 'name the stream to verify: ?stream=<stream id>, e.g. batch-…', { field: 'stream' });
    }
    const verdict = await verifyStream(this.store, this.checkpointer, stream);
    if (!verdict) throw notFound('stream_not_found', `no stream ${stream}`);
    return verdict;
  }
}
