import { creditCodeCheckCharacter } from '@suyuan/registry';
import { Region, lechang, renhua } from './places';

export interface OrgDef {
  name: string;
  role: string;
  /** 统一社会信用代码: registration authority and type (2), division code (440281 乐昌市, 440224 仁化县), body (9), check. */
  creditCode: string;
  region: Region;
  contactPhone: string;
}

/** The check character computed (GB 32100-2015), for made-up bodies. */
const creditCode = (body17: string) => body17 + creditCodeCheckCharacter(body17);

const org = (name: string, role: string, creditBody: string, region: Region, contactPhone: string): OrgDef => ({
  name,
  role,
  creditCode: creditCode(creditBody),
  region,
  contactPhone,
});

export type OrgKey =
  | 'plumCoop'
  | 'chestnutCoop'
  | 'poultryCoop'
  | 'teaCoop'
  | 'teaCoop2'
  | 'teaFactory'
  | 'poultryPlant'
  | 'packhouse'
  | 'lab'
  | 'logistics'
  | 'regulator'
  | 'eCommerce';

/** The county's bodies (sample codes and phone numbers, not the real registrations of the bodies named). */
export const ORGANIZATIONS: Record<OrgKey, OrgDef> = {
  // 93…: farmers' specialised cooperatives registered with market regulation
  plumCoop: org('乐昌市北乡黄金柰李专业合作社', 'cooperative', '93440281MA4UQ8KX3', lechang('北乡镇'), '0751-5561218'),
  chestnutCoop: org('乐昌市北乡马蹄种植专业合作社', 'cooperative', '93440281MA51T2P7H', lechang('北乡镇'), '0751-5561306'),
  poultryCoop: org('乐昌市黄圃雪毛鸡养殖专业合作社', 'cooperative', '93440281MA53R6WB9', lechang('黄圃镇'), '0751-5583127'),
  teaCoop: org('乐昌市沙坪白毛茶种植专业合作社', 'cooperative', '93440281MA56H3QK2', lechang('沙坪镇'), '0751-5571236'),
  teaCoop2: org('乐昌市两江白毛茶种植专业合作社', 'cooperative', '93440281MA57J8RD4', lechang('两江镇'), '0751-5576652'),
  // Processors (加工企业): a tea factory that also buys leaves from households, and a licensed poultry slaughterhouse.
  teaFactory: org('乐昌市白毛茶业有限公司', 'processor', '91440281MA58K2TW7', lechang('沙坪镇'), '0751-5572080'),
  poultryPlant: org('乐昌市黄圃禽类定点屠宰有限公司', 'processor', '91440281MA59L7XC3', lechang('黄圃镇'), '0751-5583300'),
  // 91…: companies; 12…: public institutions (事业单位); 11…: government bodies
  packhouse: org('乐昌市北乡农产品产地初加工中心', 'packhouse', '91440281MA55C4NJ1', lechang('北乡镇'), '0751-5562088'),
  lab: org('乐昌市农产品质量安全检测中心', 'testing_lab', '12440281007183926', lechang('乐城街道'), '0751-5522315'),
  logistics: org('乐昌市县域物流配送中心', 'logistics', '91440281MA4X9L2T6', lechang('乐城街道'), '0751-5539966'),
  regulator: org('乐昌市市场监督管理局', 'regulator', '11440281007076542', lechang('乐城街道'), '0751-5522110'),
  eCommerce: org('乐昌市电子商务公共服务中心', 'standards_owner', '12440281MB2D3874Q', lechang('乐城街道'), '0751-5530188'),
};

/**
 * Cooperatives that grow stone fruit on both sides of the county line and pack it themselves,
 * each at its own packhouse: the season the compliance benchmark records, two in each county.
 */
export const FRUIT_GROWERS: readonly OrgDef[] = [
  ORGANIZATIONS.plumCoop,
  org('仁化县董塘镇果蔬专业合作社', 'cooperative', '93440224MA52H3T6Q', renhua('董塘镇'), '0751-6321476'),
  org('乐昌市九峰镇水果专业合作社', 'cooperative', '93440281MA4X7P2K8', lechang('九峰镇'), '0751-5571392'),
  org('仁化县红山镇农产品专业合作社', 'cooperative', '93440224MA4Y8R1N5', renhua('红山镇'), '0751-6352810'),
];
