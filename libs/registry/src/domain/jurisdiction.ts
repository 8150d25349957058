import { OrganizationRegion, Region } from './events';

/** Where a market regulator has authority: its county, or every county of its province. */
export interface Jurisdiction {
  province?: string;
  county?: string;
}

/** A regulator's jurisdiction, as its organization's region names it. */
export function jurisdictionOf(region: OrganizationRegion | undefined): Jurisdiction | undefined {
  if (!region?.county && !region?.province) return undefined;
  return { ...(region.province && { province: region.province }), ...(region.county && { county: region.county }) };
}

/** A place under the regulator: same county (and province, where both name one), or same province for a provincial regulator. */
export function inJurisdiction(jurisdiction: Jurisdiction | undefined, region: Region | OrganizationRegion | undefined): boolean {
  if (!jurisdiction || !region) return false;
  if (jurisdiction.county) {
    return (
      region.county === jurisdiction.county && (!jurisdiction.province || !region.province || region.province === jurisdiction.province)
    );
  }
  return !!jurisdiction.province && region.province === jurisdiction.province;
}
