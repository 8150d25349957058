/** The promise every 承诺达标合格证 words alike (as the rules give it): pages in other languages translate it. */
export const CERTIFICATE_PROMISE =
  '我承诺对生产销售的食用农产品：不使用禁用农药兽药、停用兽药和非法添加物，常规农药兽药残留不超标，对承诺的真实性负责。';
