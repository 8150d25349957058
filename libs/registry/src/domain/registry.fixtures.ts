import { Actor } from '@suyuan/core';
import { RegisterFacility, RegisterOrganization, RegisterProduct } from './commands';
import { ApiKeyIssued, FacilityRegistered, OrganizationRegistered, ProductRegistered, Region } from './events';

/** Shared data for the registry specs: Lechang (乐昌市, Shaoguan, Guangdong) and its 黄金柰李 plums. */
export const admin: Actor = { organizationId: 'org-admin', keyId: 'key-admin', role: 'admin' };
export const jiufengCoop: Actor = { organizationId: 'org-jiufeng-coop', keyId: 'key-jiufeng-1', role: 'cooperative' };
export const lechangLogistics: Actor = { organizationId: 'org-lechang-logistics', keyId: 'key-logistics-1', role: 'logistics' };
export const ecommerceCentre: Actor = { organizationId: 'org-lechang-ecc', keyId: 'key-ecc-1', role: 'standards_owner' };

export const jiufeng: Region = { province: '广东省', city: '韶关市', county: '乐昌市', town: '九峰镇', village: '浪石村' };
export const beixiang: Region = { province: '广东省', city: '韶关市', county: '乐昌市', town: '北乡镇' };

export const registerCooperative: RegisterOrganization = {
  type: 'RegisterOrganization',
  actor: admin,
  organizationId: 'org-jiufeng-coop',
  name: '乐昌市九峰镇黄金柰李专业合作社',
  role: 'cooperative',
  // Type 93 (farmer cooperative), registered in 乐昌市 (440281); check character computed.
  creditCode: '93440281MA4W5N1K3R',
  region: jiufeng,
  contactPhone: '0751-5551234',
};

export const cooperativeRegistered: OrganizationRegistered = {
  type: 'OrganizationRegistered',
  data: {
    organizationId: 'org-jiufeng-coop',
    name: '乐昌市九峰镇黄金柰李专业合作社',
    role: 'cooperative',
    creditCode: '93440281MA4W5N1K3R',
    region: jiufeng,
    contactPhone: '0751-5551234',
  },
};

export const keyIssued: ApiKeyIssued = {
  type: 'ApiKeyIssued',
  data: {
    organizationId: 'org-jiufeng-coop',
    keyId: 'key-jiufeng-1',
    secretHash: 'c2a1f0e4b5d6978812aa34bb56cc78dd90ee12ff34aa56bb78cc90dd12ee34ff',
    label: '合作社办公室',
  },
};

export const registerPlot: RegisterFacility = {
  type: 'RegisterFacility',
  actor: jiufengCoop,
  facilityId: 'fac-langshi-plot-3',
  ownerId: 'org-jiufeng-coop',
  ownerRole: 'cooperative',
  facilityType: 'farm_plot',
  name: '浪石村 3 号柰李园',
  region: jiufeng,
  location: { lat: 25.2921, lng: 113.2236 },
};

export const plotRegistered: FacilityRegistered = {
  type: 'FacilityRegistered',
  data: {
    facilityId: 'fac-langshi-plot-3',
    ownerId: 'org-jiufeng-coop',
    type: 'farm_plot',
    name: '浪石村 3 号柰李园',
    region: jiufeng,
    location: { lat: 25.2921, lng: 113.2236 },
  },
};

export const registerPlum: RegisterProduct = {
  type: 'RegisterProduct',
  actor: ecommerceCentre,
  productId: 'prd-huangjin-nai-plum',
  nameZh: '黄金柰李',
  nameEn: 'Huangjin Nai plum',
  category: 'stone fruit',
  storageClass: 'chilled',
  // DB37/T 3491-2019: store at -1 to 0 °C, transport at 0 to 3 °C.
  storageRange: { minC: -1, maxC: 0 },
  transportRange: { minC: 0, maxC: 3 },
  gtin: '6901234567892',
};

export const plumRegistered: ProductRegistered = {
  type: 'ProductRegistered',
  data: {
    productId: 'prd-huangjin-nai-plum',
    nameZh: '黄金柰李',
    nameEn: 'Huangjin Nai plum',
    category: 'stone fruit',
    storageClass: 'chilled',
    storageRange: { minC: -1, maxC: 0 },
    transportRange: { minC: 0, maxC: 3 },
    gtin: '06901234567892',
    grades: ['特级', '一级', '二级'],
  },
};
