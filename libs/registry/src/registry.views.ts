import { FacilityType, OrganizationRegion, OrganizationRole, Region, TemperatureRange, YieldPerMu } from './domain/events';

export interface OrganizationView {
  id: string;
  name: string;
  role: OrganizationRole;
  creditCode?: string;
  region?: OrganizationRegion;
  contactPhone?: string;
  registeredAt: string;
}

/** Looked up on every authenticated request; holds only the hash of the secret. */
export interface ApiKeyView {
  id: string;
  organizationId: string;
  role: OrganizationRole;
  secretHash: string;
  label?: string;
  revoked: boolean;
  issuedAt: string;
}

export interface FacilityView {
  id: string;
  ownerId: string;
  ownerName: string;
  type: FacilityType;
  name: string;
  region: Region;
  location?: { lat: number; lng: number };
  plate?: string;
  /** Farm plots: area in 亩. */
  areaMu?: number;
  registeredAt: string;
}

export interface ProductView {
  id: string;
  nameZh: string;
  nameEn: string;
  category: string;
  storageClass: string;
  storageRange?: TemperatureRange;
  transportRange?: TemperatureRange;
  gtin?: string;
  grades: string[];
  /** A processed product: the products its inputs may be. */
  madeFrom?: string[];
  /** What one 亩 of its plots gives in a season (mass balance). */
  yieldPerMu?: YieldPerMu;
  registeredAt: string;
}
