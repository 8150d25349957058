import { deciderSpec } from '@suyuan/core/testing';
import { brandDecider } from './brand.decider';
import { BatchVerdict } from './commands';
import { batchCertified, certifyBatch, compliantVerdict, cooperative, plumAssociation } from './standard.fixtures';

const given = deciderSpec(brandDecider);

const withVerdict = (verdict: Partial<BatchVerdict>) => ({ ...certifyBatch, verdict: { ...compliantVerdict, ...verdict } });

const lateHubDelivery = {
  rule: 'hubToVillage',
  status: 'violated',
  reason: 'Delivered 52.5 h after leaving the county hub; 48 h allowed',
};
const lateTest = { rule: 'tests:pesticide_residue_rapid_test', status: 'pending', reason: 'A test is needed before dispatch' };

describe('brand decider', () => {
  describe('certifying', () => {
    it('certifies a compliant batch for the brand under the standard’s version', () => {
      given([]).when(certifyBatch).then([batchCertified]);
    });

    it('certifies a batch still pending on the road once its production rules are settled', () => {
      given([])
        .when(
          withVerdict({
            status: 'pending',
            productionSettled: true,
            failing: [{ rule: 'storage', status: 'pending', reason: 'In storage' }],
          }),
        )
        .then([batchCertified]);
    });

    it('certifies the batch again under a new version of the standard', () => {
      given([batchCertified])
        .when(withVerdict({ standard: { ...compliantVerdict.standard!, version: 2 } }))
        .then([{ ...batchCertified, data: { ...batchCertified.data, version: 2 } }]);
    });
  });

  describe('refusing, with the reasons', () => {
    it('refuses a non-compliant batch, naming the failing rules', () => {
      const error = given([])
        .when(withVerdict({ status: 'non_compliant', productionSettled: true, failing: [lateHubDelivery] }))
        .thenThrows({ kind: 'conflict', code: 'batch_not_compliant' });
      expect(error.message).toContain('hubToVillage (violated)');
      expect(error.message).toContain('52.5 h');
      expect(error.details).toEqual({ failing: [lateHubDelivery] });
    });

    it('refuses a non-compliant batch as not compliant even when its production rules are unsettled', () => {
      const error = given([])
        .when(withVerdict({ status: 'non_compliant', productionSettled: false, failing: [lateHubDelivery, lateTest] }))
        .thenThrows({ kind: 'conflict', code: 'batch_not_compliant' });
      expect(error.message).toContain('hubToVillage');
      expect(error.message).toContain('tests:pesticide_residue_rapid_test (pending)');
    });

    it('refuses a pending batch whose production rules are not settled', () => {
      const error = given([])
        .when(withVerdict({ status: 'pending', productionSettled: false, failing: [lateTest] }))
        .thenThrows({ kind: 'conflict', code: 'batch_not_settled' });
      expect(error.message).toContain('tests:pesticide_residue_rapid_test');
      expect(error.message).toContain('A test is needed before dispatch');
    });

    it('refuses a batch with no standard in force', () => {
      given([])
        .when(withVerdict({ standard: undefined }))
        .thenThrows({ kind: 'conflict', code: 'no_standard' });
    });

    it('refuses a batch already certified under the same version', () => {
      given([batchCertified]).when(certifyBatch).thenThrows({ kind: 'conflict', code: 'already_certified' });
    });
  });

  describe('who certifies', () => {
    it('is for standards owners only', () => {
      given([])
        .when({ ...certifyBatch, actor: cooperative })
        .thenThrows({ kind: 'forbidden', code: 'role_not_allowed' });
    });

    it('is for the owner of the standard only', () => {
      given([])
        .when({ ...certifyBatch, actor: plumAssociation })
        .thenThrows({ kind: 'forbidden', code: 'not_standard_owner' });
    });

    it('checks the role before anything about the batch', () => {
      given([])
        .when({ ...certifyBatch, actor: cooperative, verdict: { ...compliantVerdict, standard: undefined } })
        .thenThrows({ kind: 'forbidden', code: 'role_not_allowed' });
    });
  });
});
