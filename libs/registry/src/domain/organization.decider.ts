import { conflict, Decider, forbidden, invalid, notFound } from '@suyuan/core';
import { IssueApiKey, OrganizationCommand } from './commands';
import { isValidCreditCode } from './credit-code';
import { checkOrganizationRegion } from './organization-region';
import { ORGANIZATION_ROLES, OrganizationEvent } from './events';

export interface OrganizationState {
  registered: boolean;
  keys: ReadonlyMap<string, IssuedKey>;
}

interface IssuedKey {
  status: 'active' | 'revoked';
  label?: string;
}

const ACTIONS: Record<OrganizationCommand['type'], string> = {
  RegisterOrganization: 'register organizations',
  IssueApiKey: 'issue API keys',
  RevokeApiKey: 'revoke API keys',
};

/** One stream per organization: its registration and its API keys. */
export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState> = {
  initialState: () => ({ registered: false, keys: new Map() }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'OrganizationRegistered':
        return { ...state, registered: true };
      case 'ApiKeyIssued':
        return { ...state, keys: new Map(state.keys).set(event.data.keyId, { status: 'active', label: event.data.label }) };
      case 'ApiKeyRevoked': {
        const key = state.keys.get(event.data.keyId);
        return { ...state, keys: new Map(state.keys).set(event.data.keyId, { ...key, status: 'revoked' }) };
      }
      default: {
        const unknown: never = event;
        throw new Error(`Unknown organization event: ${JSON.stringify(unknown)}`);
      }
    }
  },

  decide: (command, state) => {
    // Organizations and their keys are the trust root, so only the administrator manages them.
    if (command.actor.role !== 'admin') {
      throw forbidden('admin_only', `Only the administrator may ${ACTIONS[command.type]}`);
    }
    switch (command.type) {
      case 'RegisterOrganization': {
        if (state.registered) {
          throw conflict('organization_exists', `Organization ${command.organizationId} is already registered`);
        }
        if (!ORGANIZATION_ROLES.includes(command.role)) {
          throw invalid('unknown_role', `Unknown organization role "${command.role}"`, {
            allowed: ORGANIZATION_ROLES,
          });
        }
        if (command.creditCode !== undefined && !isValidCreditCode(command.creditCode)) {
          throw invalid(
            'invalid_credit_code',
            `"${command.creditCode}" is not a valid unified social credit code (统一社会信用代码): ` +
              '18 characters whose last one checks the rest',
          );
        }
        const { organizationId, name, role, creditCode, region, contactPhone } = command;
        checkOrganizationRegion(role, region);
        return [
          {
            type: 'OrganizationRegistered',
            data: { organizationId, name, role, creditCode, region, contactPhone },
          },
        ];
      }
      case 'IssueApiKey': {
        requireRegistered(state, command.organizationId);
        const issued = state.keys.get(command.keyId);
        if (issued) refuseReissue(command, issued);
        const { organizationId, keyId, secretHash, label } = command;
        return [{ type: 'ApiKeyIssued', data: { organizationId, keyId, secretHash, label } }];
      }
      case 'RevokeApiKey': {
        requireRegistered(state, command.organizationId);
        const key = state.keys.get(command.keyId);
        if (key === undefined) {
          throw notFound('api_key_not_found', `Organization ${command.organizationId} has no API key ${command.keyId}`);
        }
        if (key.status === 'revoked') {
          throw conflict('api_key_revoked', `API key ${command.keyId} is already revoked`);
        }
        return [{ type: 'ApiKeyRevoked', data: { organizationId: command.organizationId, keyId: command.keyId } }];
      }
      default: {
        const unknown: never = command;
        throw new Error(`Unknown organization command: ${JSON.stringify(unknown)}`);
      }
    }
  },
};

/**
 * Key ids are random unless derived from an Idempotency-Key, so a known key id is that key
 * sent again. The secret was shown once, in the first answer, and is not kept: a retry cannot
 * be answered alike, and must not mint a second key.
 */
function refuseReissue(command: IssueApiKey, issued: IssuedKey): never {
  const { keyId } = command;
  if (issued.label !== command.label) {
    throw conflict(
      'idempotency_key_reused',
      `This Idempotency-Key was already used for a different request: it issued API key ${keyId} with another label`,
      { keyId },
    );
  }
  const next =
    issued.status === 'revoked'
      ? 'It has been revoked since; issue another with a new Idempotency-Key.'
      : `If that answer was lost, revoke ${keyId} and issue another with a new Idempotency-Key.`;
  throw conflict(
    'api_key_already_issued',
    `API key ${keyId} was already issued for this Idempotency-Key; its secret was shown once, in that answer, and is not kept. ${next}`,
    { keyId, revoked: issued.status === 'revoked' },
  );
}

function requireRegistered(state: OrganizationState, organizationId: string): void {
  if (!state.registered) {
    throw notFound('organization_not_found', `Organization ${organizationId} is not registered`);
  }
}
