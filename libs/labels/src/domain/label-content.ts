/** What one item label says beside its QR. */
export interface ItemLabel {
  code: string;
  url: string;
  productName: string;
  grade: string;
  lotCode: string;
  netWeight: { value: number; unit: string };
  cartonId: string;
}

const UNIT_ZH: Record<string, string> = { kg: 'kg', g: 'g', t: 't', piece: '件', head: '只' };

/** The code in groups of four, as people read it out: 7K3M 9Q2R XV0Z AB12. */
export function groupedCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The label's text lines, in print order: product, grade, net weight, lot, the code on two lines. */
export function itemLabelLines(label: ItemLabel): string[] {
  const grouped = groupedCode(label.code);
  const half = Math.ceil(grouped.length / 2 / 5) * 5 - 1;
  const unit = UNIT_ZH[label.netWeight.unit] ?? label.netWeight.unit;
  return [
    label.productName,
    label.grade,
    `净含量 ${label.netWeight.value} ${unit}`,
    `批号 ${label.lotCode}`,
    grouped.slice(0, half).trim(),
    grouped.slice(half).trim(),
  ];
}

/** What a carton's label says beside its QR, which opens the carton's public page. */
export interface CartonLabel {
  cartonId: string;
  url: string;
  productName: string;
  grades: string[];
  lotCode: string;
  itemCount: number;
}

/** The carton label's lines: product, grade(s), how many items, lot, the carton code on two lines. */
export function cartonLabelLines(label: CartonLabel): string[] {
  const half = Math.ceil(label.cartonId.length / 2);
  return [
    label.productName,
    label.grades.join(' / '),
    `${label.itemCount} 件`,
    `批号 ${label.lotCode}`,
    `箱号 ${label.cartonId.slice(0, half)}`,
    label.cartonId.slice(half),
  ];
}

/** The public page of a carton: what is in it, for anyone who scans its label. */
export function cartonPageUrl(base: string, cartonId: string): string {
  return `${base.replace(/\/+$/, '')}/c/${encodeURIComponent(cartonId)}`;
}
