import { DomainEvent } from '@suyuan/core';

/** Roles an organization plays in the chain; an API key acts in its organization's role. */
export const ORGANIZATION_ROLES = [
  'cooperative', // 合作社 / 家庭农场 / 种养大户
  'packhouse', // 产地初加工基地
  'processor', // 加工企业 (茶厂, 屠宰场, 淀粉厂) and purchasers that buy from many households (收购)
  'testing_lab', // 检测中心 / 快检点
  'logistics', // 县级物流中心, 镇级服务站, 村级服务点, 冷链车队
  'retailer',
  'regulator', // 市场监管局
  'standards_owner', // 电商公共服务中心 / 产品协会
] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export const FACILITY_TYPES = [
  'farm_plot',
  'packhouse',
  'cold_store',
  'county_hub', // 县级物流中心
  'town_station', // 镇级服务站
  'village_point', // 村级服务点
  'vehicle', // 冷链车
  'lab',
  'processing_plant', // 加工厂: where a processor transforms input lots into output lots
] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

/** Administrative place, coarse enough to show publicly. */
export interface Region {
  province?: string;
  city?: string;
  county: string;
  town?: string;
  village?: string;
}

/**
 * Where an organization is. A regulator's is its jurisdiction: a county, or for a provincial
 * regulator a province alone.
 */
export type OrganizationRegion = Omit<Region, 'county'> & { county?: string };

export interface TemperatureRange {
  minC: number;
  maxC: number;
}

export type OrganizationRegistered = DomainEvent<
  'OrganizationRegistered',
  {
    organizationId: string;
    name: string;
    role: OrganizationRole;
    /** 统一社会信用代码, 18 characters, where the organization has one. */
    creditCode?: string;
    region?: OrganizationRegion;
    /** Public business contact (printed on the 承诺达标合格证); never a person's private number. */
    contactPhone?: string;
  }
>;

export type ApiKeyIssued = DomainEvent<
  'ApiKeyIssued',
  {
    organizationId: string;
    keyId: string;
    /** sha256 of the secret: keys are 256-bit random, so a slow hash buys nothing. */
    secretHash: string;
    label?: string;
  }
>;

export type ApiKeyRevoked = DomainEvent<'ApiKeyRevoked', { organizationId: string; keyId: string }>;

export type OrganizationEvent = OrganizationRegistered | ApiKeyIssued | ApiKeyRevoked;

export type FacilityRegistered = DomainEvent<
  'FacilityRegistered',
  {
    facilityId: string;
    ownerId: string;
    type: FacilityType;
    name: string;
    region: Region;
    /** WGS84, optional. */
    location?: { lat: number; lng: number };
    /** Vehicles: plate number. */
    plate?: string;
    /** Farm plots: area in 亩, what regulators weigh a county's output against. Absent before 0.4. */
    areaMu?: number;
  }
>;

export type FacilityEvent = FacilityRegistered;

/**
 * What one 亩 of the product's plots gives in a season: what regulators weigh a county's output
 * against (mass balance). For a processed product, per 亩 of the plots its inputs grow on
 * (finished tea per 亩 of tea garden).
 */
export interface YieldPerMu {
  /** kg per 亩 per season. */
  kg: number;
  /**
   * The month (1–12, China time) the product's season starts in: a season runs twelve months
   * and is named by the year it starts in. Absent: January, the calendar year.
   */
  seasonStartMonth?: number;
}

export type ProductRegistered = DomainEvent<
  'ProductRegistered',
  {
    productId: string;
    nameZh: string;
    nameEn: string;
    category: string;
    /** e.g. chilled, frozen, cool, ambient */
    storageClass: string;
    storageRange?: TemperatureRange;
    transportRange?: TemperatureRange;
    /** GTIN-14, check digit verified. */
    gtin?: string;
    /** Grade classes in order, best first (特级, 一级, 二级 unless the product has its own). */
    grades: string[];
    /**
     * A processed product: the products its input lots may be (fresh tea leaves for finished
     * tea, live chickens for chilled ones). Absent for a product grown on a plot.
     */
    madeFrom?: string[];
    /** The yield its plots can give in a season; absent before 0.4 and where nobody set one. */
    yieldPerMu?: YieldPerMu;
  }
>;

export type ProductEvent = ProductRegistered;
