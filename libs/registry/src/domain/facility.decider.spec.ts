import { deciderSpec } from '@suyuan/core/testing';
import { RegisterFacility } from './commands';
import { FacilityType, OrganizationRole } from './events';
import { facilityDecider } from './facility.decider';
import { admin, beixiang, jiufengCoop, lechangLogistics, plotRegistered, registerPlot } from './registry.fixtures';

const given = deciderSpec(facilityDecider);

/** The same facility registered by its own organization in the given role. */
function registerAs(ownerRole: OrganizationRole, facilityType: FacilityType): RegisterFacility {
  return {
    type: 'RegisterFacility',
    actor: { organizationId: 'org-owner', keyId: 'key-owner', role: ownerRole },
    facilityId: 'fac-1',
    ownerId: 'org-owner',
    ownerRole,
    facilityType,
    name: '北乡镇设施',
    region: beixiang,
  };
}

describe('facility decider', () => {
  it('registers a cooperative’s farm plot', () => {
    given([]).when(registerPlot).then([plotRegistered]);
  });

  it('lets the administrator register a facility for any owner', () => {
    given([])
      .when({ ...registerPlot, actor: admin })
      .then([plotRegistered]);
  });

  it('registers a cold-chain vehicle with its plate', () => {
    given([])
      .when({
        type: 'RegisterFacility',
        actor: lechangLogistics,
        facilityId: 'fac-truck-01',
        ownerId: 'org-lechang-logistics',
        ownerRole: 'logistics',
        facilityType: 'vehicle',
        name: '冷链车 01',
        region: { county: '乐昌市' },
        plate: '粤F·D12345',
      })
      .then([
        {
          type: 'FacilityRegistered',
          data: {
            facilityId: 'fac-truck-01',
            ownerId: 'org-lechang-logistics',
            type: 'vehicle',
            name: '冷链车 01',
            region: { county: '乐昌市' },
            plate: '粤F·D12345',
          },
        },
      ]);
  });

  it('forbids registering a facility for another organization', () => {
    given([])
      .when({ ...registerPlot, actor: lechangLogistics })
      .thenThrows({ kind: 'forbidden', code: 'not_owner' });
  });

  it('cannot register the same facility twice', () => {
    given([plotRegistered]).when(registerPlot).thenThrows({ kind: 'conflict', code: 'facility_exists' });
  });

  it.each<[FacilityType, OrganizationRole[]]>([
    ['farm_plot', ['cooperative']],
    ['packhouse', ['cooperative', 'packhouse']],
    ['cold_store', ['cooperative', 'packhouse', 'logistics', 'retailer']],
    ['county_hub', ['logistics']],
    ['town_station', ['logistics']],
    ['village_point', ['logistics', 'retailer']],
    ['vehicle', ['logistics']],
    ['lab', ['testing_lab']],
  ])('a %s may be owned by %j', (facilityType, roles) => {
    for (const role of roles) {
      given([])
        .when(registerAs(role, facilityType))
        .then([
          {
            type: 'FacilityRegistered',
            data: { facilityId: 'fac-1', ownerId: 'org-owner', type: facilityType, name: '北乡镇设施', region: beixiang },
          },
        ]);
    }
  });

  it.each<[OrganizationRole, FacilityType]>([
    ['packhouse', 'farm_plot'],
    ['logistics', 'packhouse'],
    ['testing_lab', 'cold_store'],
    ['cooperative', 'county_hub'],
    ['retailer', 'town_station'],
    ['cooperative', 'village_point'],
    ['retailer', 'vehicle'],
    ['regulator', 'lab'],
  ])('a %s may not own a %s', (role, facilityType) => {
    const error = given([]).when(registerAs(role, facilityType)).thenThrows({ kind: 'invalid', code: 'facility_type_not_allowed' });
    expect(error.message).toContain(role);
    expect(error.message).toContain(facilityType);
  });

  it('rejects an unknown facility type', () => {
    given([])
      .when(registerAs('cooperative', 'greenhouse' as never))
      .thenThrows({ kind: 'invalid', code: 'unknown_facility_type' });
  });

  it('needs the county', () => {
    given([])
      .when({ ...registerPlot, region: { province: '广东省', county: ' ' } })
      .thenThrows({ kind: 'invalid', code: 'county_required' });
  });

  it('needs a region', () => {
    given([])
      .when({ ...registerPlot, region: undefined as never })
      .thenThrows({ kind: 'invalid', code: 'county_required' });
  });

  it('checks who may register before the facility type', () => {
    given([])
      .when({ ...registerAs('logistics', 'farm_plot'), actor: jiufengCoop })
      .thenThrows({ kind: 'forbidden', code: 'not_owner' });
  });

  it('records a farm plot’s area in 亩', () => {
    given([])
      .when({ ...registerPlot, areaMu: 12.5 })
      .then([{ ...plotRegistered, data: { ...plotRegistered.data, areaMu: 12.5 } }]);
  });

  it.each([0, -3, Number.NaN, 100_001])('refuses an area of %p 亩', (areaMu) => {
    given([])
      .when({ ...registerPlot, areaMu })
      .thenThrows({ kind: 'invalid', code: 'invalid_area', details: { field: 'areaMu' } });
  });

  it('gives an area to farm plots only', () => {
    given([])
      .when({ ...registerAs('cooperative', 'packhouse'), areaMu: 3 })
      .thenThrows({ kind: 'invalid', code: 'area_not_applicable', details: { field: 'areaMu' } });
  });

  it('lets a processor own a processing plant, and no one else', () => {
    given([])
      .when(registerAs('processor', 'processing_plant'))
      .then([expect.objectContaining({ type: 'FacilityRegistered' })]);
    given([]).when(registerAs('cooperative', 'processing_plant')).thenThrows({ kind: 'invalid', code: 'facility_type_not_allowed' });
  });
});
