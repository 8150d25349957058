import { ItemLabel } from './label-content';

export const CSV_HEADER = 'code,url,lot,grade,carton';

/** One row for an industrial coder (inkjet, laser): the code, what its QR carries, lot, grade and carton. */
export function csvRow(label: ItemLabel): string {
  return [label.code, label.url, label.lotCode, label.grade, label.cartonId].map(csvField).join(',');
}

/** Quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused so a spreadsheet never runs it. */
export function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
