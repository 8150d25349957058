/**
 * Where the world is: 乐昌市 (Lechang, Shaoguan, Guangdong), the county the demo, the tests and
 * the benchmarks record, and its neighbour 仁化县, for what crosses a county line. Towns and
 * villages are real places; the bodies and facilities in them are samples.
 */
export interface Region {
  province: string;
  city?: string;
  county: string;
  town?: string;
  village?: string;
}

const inCounty =
  (county: string) =>
  (town?: string, village?: string): Region => ({
    province: '广东省',
    city: '韶关市',
    county,
    ...(town && { town }),
    ...(village && { village }),
  });

export const lechang = inCounty('乐昌市');
export const renhua = inCounty('仁化县');

/** The county itself, as a body registered county-wide gives its region. */
export const LECHANG = lechang();
