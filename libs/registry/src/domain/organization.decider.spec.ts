import { deciderSpec } from '@suyuan/core/testing';
import { IssueApiKey, RevokeApiKey } from './commands';
import { organizationDecider } from './organization.decider';
import { admin, cooperativeRegistered, jiufengCoop, keyIssued, registerCooperative } from './registry.fixtures';

const given = deciderSpec(organizationDecider);

const issueKey: IssueApiKey = {
  type: 'IssueApiKey',
  actor: admin,
  organizationId: 'org-jiufeng-coop',
  keyId: 'key-jiufeng-1',
  secretHash: keyIssued.data.secretHash,
  label: '合作社办公室',
};
const revokeKey: RevokeApiKey = {
  type: 'RevokeApiKey',
  actor: admin,
  organizationId: 'org-jiufeng-coop',
  keyId: 'key-jiufeng-1',
};
const keyRevoked = {
  type: 'ApiKeyRevoked' as const,
  data: { organizationId: 'org-jiufeng-coop', keyId: 'key-jiufeng-1' },
};

describe('organization decider', () => {
  describe('RegisterOrganization', () => {
    it('registers a cooperative with its 统一社会信用代码', () => {
      given([]).when(registerCooperative).then([cooperativeRegistered]);
    });

    it('registers an organization without a credit code', () => {
      const { creditCode: _none, ...withoutCode } = registerCooperative;
      const { creditCode: _omitted, ...data } = cooperativeRegistered.data;
      given([])
        .when(withoutCode)
        .then([{ type: 'OrganizationRegistered', data }]);
    });

    it('is for the administrator only', () => {
      given([])
        .when({ ...registerCooperative, actor: jiufengCoop })
        .thenThrows({ kind: 'forbidden', code: 'admin_only' });
    });

    it('cannot register the same organization twice', () => {
      given([cooperativeRegistered]).when(registerCooperative).thenThrows({ kind: 'conflict', code: 'organization_exists' });
    });

    it('rejects a credit code whose check character is wrong', () => {
      const error = given([])
        .when({ ...registerCooperative, creditCode: '93440281MA4W5N1K3X' })
        .thenThrows({ kind: 'invalid', code: 'invalid_credit_code' });
      expect(error.message).toContain('93440281MA4W5N1K3X');
    });

    it('rejects a credit code of the wrong length', () => {
      given([])
        .when({ ...registerCooperative, creditCode: '93440281MA4W5N1K' })
        .thenThrows({ kind: 'invalid', code: 'invalid_credit_code' });
    });

    it('rejects a role outside the chain', () => {
      given([])
        .when({ ...registerCooperative, role: 'wholesaler' as never })
        .thenThrows({ kind: 'invalid', code: 'unknown_role' });
    });
  });

  describe('IssueApiKey', () => {
    it('issues a key to a registered organization', () => {
      given([cooperativeRegistered]).when(issueKey).then([keyIssued]);
    });

    it('issues a second key beside the first', () => {
      given([cooperativeRegistered, keyIssued])
        .when({ ...issueKey, keyId: 'key-jiufeng-2', label: '分拣车间' })
        .then([{ type: 'ApiKeyIssued', data: { ...keyIssued.data, keyId: 'key-jiufeng-2', label: '分拣车间' } }]);
    });

    it('is for the administrator only', () => {
      given([cooperativeRegistered])
        .when({ ...issueKey, actor: jiufengCoop })
        .thenThrows({ kind: 'forbidden', code: 'admin_only' });
    });

    it('needs a registered organization', () => {
      given([]).when(issueKey).thenThrows({ kind: 'not_found', code: 'organization_not_found' });
    });

    it('issues no second key for a key id already issued (one derived from the same Idempotency-Key), naming it and what to do', () => {
      const error = given([cooperativeRegistered, keyIssued])
        .when(issueKey)
        .thenThrows({ kind: 'conflict', code: 'api_key_already_issued' });
      expect(error.details).toEqual({ keyId: 'key-jiufeng-1', revoked: false });
      expect(error.message).toContain('revoke key-jiufeng-1');
    });

    it('says a key issued for that Idempotency-Key and revoked since is revoked', () => {
      const error = given([cooperativeRegistered, keyIssued, keyRevoked])
        .when(issueKey)
        .thenThrows({ kind: 'conflict', code: 'api_key_already_issued' });
      expect(error.details).toEqual({ keyId: 'key-jiufeng-1', revoked: true });
    });

    it('refuses the same key id asked for with another label as a reused Idempotency-Key', () => {
      given([cooperativeRegistered, keyIssued])
        .when({ ...issueKey, label: '分拣车间' })
        .thenThrows({ kind: 'conflict', code: 'idempotency_key_reused' });
      given([cooperativeRegistered, keyIssued])
        .when({ ...issueKey, label: undefined })
        .thenThrows({ kind: 'conflict', code: 'idempotency_key_reused' });
    });
  });

  describe('RevokeApiKey', () => {
    it('revokes an active key', () => {
      given([cooperativeRegistered, keyIssued]).when(revokeKey).then([keyRevoked]);
    });

    it('is for the administrator only', () => {
      given([cooperativeRegistered, keyIssued])
        .when({ ...revokeKey, actor: jiufengCoop })
        .thenThrows({ kind: 'forbidden', code: 'admin_only' });
    });

    it('needs a registered organization', () => {
      given([]).when(revokeKey).thenThrows({ kind: 'not_found', code: 'organization_not_found' });
    });

    it('cannot revoke a key that was never issued', () => {
      given([cooperativeRegistered]).when(revokeKey).thenThrows({ kind: 'not_found', code: 'api_key_not_found' });
    });

    it('cannot revoke a key twice', () => {
      given([cooperativeRegistered, keyIssued, keyRevoked]).when(revokeKey).thenThrows({ kind: 'conflict', code: 'api_key_revoked' });
    });
  });
});
