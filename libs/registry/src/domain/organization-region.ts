import { invalid } from '@suyuan/core';
import { OrganizationRegion, OrganizationRole } from './events';

/**
 * An organization's region names its county. A market regulator's region is its jurisdiction
 * and is required: its county, or, for a provincial regulator, its province alone.
 */
export function checkOrganizationRegion(role: OrganizationRole, region: OrganizationRegion | undefined): void {
  if (role === 'regulator') {
    if (!region?.county && !region?.province) {
      throw invalid(
        'jurisdiction_required',
        'A regulator is registered with its jurisdiction: region.county, or region.province for a provincial regulator',
        {
          field: 'region',
        },
      );
    }
    return;
  }
  if (region !== undefined && !region.county) {
    throw invalid('invalid_region', 'region.county is required', { field: 'region.county' });
  }
}
