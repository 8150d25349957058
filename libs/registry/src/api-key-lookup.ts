import { Inject, Injectable } from '@nestjs/common';
import { ApiKeyLookup, StoredApiKey } from '@suyuan/platform';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { ApiKeyView } from './registry.views';

/** Keys as the registry's projection keeps them (`apiKeys`), for the platform's authentication. */
@Injectable()
export class ReadModelApiKeyLookup implements ApiKeyLookup {
  constructor(@Inject(DOCUMENT_STORE) private readonly docs: DocumentStore) {}

  find(keyId: string): Promise<StoredApiKey | undefined> {
    return this.docs.get<ApiKeyView>('apiKeys', keyId);
  }
}
