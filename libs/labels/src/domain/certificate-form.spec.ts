import { CertificateFields, certificateLines, certificateQrText, promiseLines } from './certificate-form';

const certificate: CertificateFields = {
  certificateNo: 'HGZ-LC20260715A-3F2A1B',
  productName: '黄金柰李',
  quantity: { value: 62.5, unit: 'kg' },
  producerName: '乐昌市北乡黄金柰李专业合作社',
  origin: '广东省韶关市乐昌市北乡镇北乡村',
  contactPhone: '0751-5551234',
  issuedAt: '2026-07-14T16:30:00.000Z',
  promise: '我承诺对生产销售的食用农产品：不使用禁用农药兽药、停用兽药和非法添加物，常规农药兽药残留不超标，对承诺的真实性负责。',
  basis: ['self_tested', 'commissioned_test'],
};

describe('承诺达标合格证 form', () => {
  it('gives the template’s fields, the promise item by item and the basis ticked', () => {
    expect(certificateLines(certificate)).toEqual([
      '承诺达标合格证',
      '编号 No. HGZ-LC20260715A-3F2A1B',
      '产品名称：黄金柰李',
      '数量（重量）：62.5 千克',
      '产地：广东省韶关市乐昌市北乡镇北乡村',
      '生产者盖章或签名：乐昌市北乡黄金柰李专业合作社',
      '联系方式：0751-5551234',
      // Issued at 00:30 China time on the 15th.
      '开具日期：2026年07月15日',
      '我承诺对生产销售的食用农产品：',
      '■ 不使用禁用农药兽药、停用兽药和非法添加物',
      '■ 常规农药兽药残留不超标',
      '■ 对承诺的真实性负责',
      '承诺依据：■委托检测 ■自我检测 □内部质量控制',
    ]);
  });

  it('puts the words 承诺达标合格证 first in the QR, then the fields a scanner shows offline', () => {
    const text = certificateQrText(certificate);
    expect(text.startsWith('承诺达标合格证 HGZ-LC20260715A-3F2A1B\n')).toBe(true);
    expect(text).toContain('产品：黄金柰李\n数量：62.5 千克');
    expect(certificateQrText({ ...certificate, contactPhone: undefined })).not.toContain('电话');
  });

  it('reads a promise without a lead-in too', () => {
    expect(promiseLines('不使用禁用农药；残留不超标。')).toEqual(['■ 不使用禁用农药', '■ 残留不超标']);
  });
});
