import { conflict, Decider, forbidden, invalid, notFound } from '../../../core/src';
import { OrganizationCommand } from './commands';
import { isValidCreditCode } from './credit-code';
import { checkOrganizationRegion } from './organization-region';
import { ORGANIZATION_ROLES, OrganizationEvent } from './events';

export interface OrganizationState {
  registered: boolean;
  keys: ReadonlyMap<string, 'active' | 'revoked'>;
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
        return { ...state, keys: new Map(state.keys).set(event.data.keyId, 'active') };
      case 'ApiKeyRevoked':
        return { ...state, keys: new Map(state.keys).set(event.data.keyId, 'revoked') };
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
        if (state.keys.has(command.keyId)) {
          throw conflict('api_key_exists', `API key ${command.keyId} was already issued`);
        }
        const { organizationId, keyId, secretHash, label } = command;
        return [{ type: 'ApiKeyIssued', data: { organizationId, keyId, secretHash, label } }];
      }
      case 'RevokeApiKey': {
        requireRegistered(state, command.organizationId);
        const key = state.keys.get(command.keyId);
        if (key === undefined) {
          throw notFound('api_key_not_found', `Organization ${command.organizationId} has no API key ${command.keyId}`);
        }
        if (key === 'revoked') {
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

function requireRegistered(state: OrganizationState, organizationId: string): void {
  if (!state.registered) {
    throw notFound('organization_not_found', `Organization ${organizationId} is not registered`);
  }
}

