import { chinaDate } from '@suyuan/core';

/** The 承诺达标合格证 as the batch's record holds it. */
export interface CertificateFields {
  certificateNo: string;
  productName: string;
  quantity: { value: number; unit: string };
  producerName: string;
  origin: string;
  contactPhone?: string;
  issuedAt: string;
  promise: string;
  basis: string[];
}

export const CERTIFICATE_TITLE = '承诺达标合格证';

/** 承诺依据 in the form's order, with the basis each box stands for. */
const BASES: [string, string][] = [
  ['commissioned_test', '委托检测'],
  ['self_tested', '自我检测'],
  ['quality_control', '内部质量控制'],
];
const UNIT_ZH: Record<string, string> = { kg: '千克', g: '克', t: '吨', piece: '件', head: '只' };
const CHECKED = '■';
const UNCHECKED = '□';

/**
 * The certificate's lines in the form the 农业农村部 template gives it: title and number;
 * product, quantity (weight), origin, producer, contact and date; the promise item by item
 * with its boxes ticked; the basis of the promise with the boxes that apply ticked.
 */
export function certificateLines(c: CertificateFields): string[] {
  return [
    CERTIFICATE_TITLE,
    `编号 No. ${c.certificateNo}`,
    `产品名称：${c.productName}`,
    `数量（重量）：${quantityZh(c.quantity)}`,
    `产地：${c.origin}`,
    `生产者盖章或签名：${c.producerName}`,
    `联系方式：${c.contactPhone ?? ''}`,
    `开具日期：${dateZh(c.issuedAt)}`,
    ...promiseLines(c.promise),
    `承诺依据：${BASES.map(([basis, words]) => `${c.basis.includes(basis) ? CHECKED : UNCHECKED}${words}`).join(' ')}`,
  ];
}

/** The lines of the promise: its lead-in, then each thing promised with a ticked box. */
export function promiseLines(promise: string): string[] {
  const [lead, rest] = promise.includes('：') ? promise.split('：', 2) : ['', promise];
  const items = rest
    .replace(/[。.]$/, '')
    .split(/[，,；;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return [...(lead ? [`${lead}：`] : []), ...items.map((item) => `${CHECKED} ${item}`)];
}

/**
 * What the certificate's QR carries (the 二维码合格证 form): the words 承诺达标合格证 first, then
 * its number and fields, one a line, so that any scanner shows them without a network.
 */
export function certificateQrText(c: CertificateFields): string {
  return [
    `${CERTIFICATE_TITLE} ${c.certificateNo}`,
    `产品：${c.productName}`,
    `数量：${quantityZh(c.quantity)}`,
    `产地：${c.origin}`,
    `生产者：${c.producerName}`,
    ...(c.contactPhone ? [`电话：${c.contactPhone}`] : []),
    `开具日期：${dateZh(c.issuedAt)}`,
  ].join('\n');
}

function quantityZh(q: { value: number; unit: string }): string {
  return `${q.value} ${UNIT_ZH[q.unit] ?? q.unit}`;
}

/** 2026年07月15日, in China time. */
function dateZh(iso: string): string {
  const [y, m, d] = chinaDate(Date.parse(iso)).split('-');
  return `${y}年${m}月${d}日`;
}
