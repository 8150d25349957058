import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../../libs/platform/src/auth/auth.decorators';
import { DOCUMENT_STORE, DocumentStore } from '../../../libs/readmodels/src/document-store.port';
import { INLINE_CHECKPOINT } from '../../../libs/readmodels/src/sqlite/inline-projector';

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(@Inject(DOCUMENT_STORE) private readonly docs: DocumentStore) {}

  @Get('health')
  async health() {
    return { status: 'ok', store: 'embedded-sqlite', projectedPosition: await this.docs.checkpoint(INLINE_CHECKPOINT) };
  }
}
