/** What authentication needs of a stored API key: its owner, role, the hash of its secret, and whether it was revoked. */
export interface StoredApiKey {
  id: string;
  organizationId: string;
  role: string;
  secretHash: string;
  revoked: boolean;
}

/** Finds a key by its id: the registry answers it from its read model, so the platform needs no registry. */
export interface ApiKeyLookup {
  find(keyId: string): Promise<StoredApiKey | undefined>;
}

export const API_KEY_LOOKUP = Symbol('ApiKeyLookup');
