import { Actor } from '@suyuan/core';
import { FacilityType, OrganizationRegion, OrganizationRole, Region, TemperatureRange, YieldPerMu } from './events';

export interface RegisterOrganization {
  type: 'RegisterOrganization';
  actor: Actor;
  organizationId: string;
  name: string;
  role: OrganizationRole;
  creditCode?: string;
  region?: OrganizationRegion;
  contactPhone?: string;
}

export interface IssueApiKey {
  type: 'IssueApiKey';
  actor: Actor;
  organizationId: string;
  keyId: string;
  secretHash: string;
  label?: string;
}

export interface RevokeApiKey {
  type: 'RevokeApiKey';
  actor: Actor;
  organizationId: string;
  keyId: string;
}

export type OrganizationCommand = RegisterOrganization | IssueApiKey | RevokeApiKey;

export interface RegisterFacility {
  type: 'RegisterFacility';
  actor: Actor;
  facilityId: string;
  /** The owner; must be the actor's own organization unless the actor is admin. */
  ownerId: string;
  /** Role of the owner organization (resolved by the handler). */
  ownerRole: string;
  facilityType: FacilityType;
  name: string;
  region: Region;
  location?: { lat: number; lng: number };
  plate?: string;
  areaMu?: number;
}

export type FacilityCommand = RegisterFacility;

export interface RegisterProduct {
  type: 'RegisterProduct';
  actor: Actor;
  productId: string;
  nameZh: string;
  nameEn: string;
  category: string;
  storageClass: string;
  storageRange?: TemperatureRange;
  transportRange?: TemperatureRange;
  gtin?: string;
  grades?: string[];
  /** Registered product ids (checked by the handler). */
  madeFrom?: string[];
  yieldPerMu?: YieldPerMu;
}

export type ProductCommand = RegisterProduct;
