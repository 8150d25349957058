/**
 * One row of a trace as a spreadsheet shows it: one unit (a lot, an item, a shipment) and one
 * step of it. The columns carry FSMA 204's key data elements where they apply: traceability lot
 * code, product, quantity and unit of measure, location, date, reference document and the
 * traceability lot code source.
 */
export interface CsvRow {
  /** What the row is about: lot, transformation, unit (an item), shipment. */
  record: 'lot' | 'transformation' | 'unit' | 'shipment';
  /** The step (critical tracking event): harvesting, cooling, testing, transformation, shipping, … */
  event: string;
  lotCode?: string;
  batchId?: string;
  product?: string;
  quantity?: number;
  unitOfMeasure?: string;
  location?: string;
  locationId?: string;
  date?: string;
  reference?: string;
  lotCodeSource?: string;
  unitCode?: string;
  recordedBy?: string;
  organizationId?: string;
  keyId?: string;
  details?: string;
}

const COLUMNS: [keyof CsvRow, string][] = [
  ['record', 'record 记录'],
  ['event', 'event 环节'],
  ['lotCode', 'traceability_lot_code 批次号'],
  ['batchId', 'batch_id 批次ID'],
  ['product', 'product 产品'],
  ['quantity', 'quantity 数量'],
  ['unitOfMeasure', 'unit_of_measure 单位'],
  ['location', 'location 地点'],
  ['locationId', 'location_id 地点ID'],
  ['date', 'date 日期'],
  ['reference', 'reference_document 单据'],
  ['lotCodeSource', 'lot_code_source 批次号来源'],
  ['unitCode', 'unit_code 单品码'],
  ['recordedBy', 'recorded_by 记录单位'],
  ['organizationId', 'organization_id 单位ID'],
  ['keyId', 'key_id 密钥ID'],
  ['details', 'details 详情'],
];

/** UTF-8 with a byte-order mark, so that Excel shows the Chinese; lines end in CRLF (RFC 4180). */
export function toCsv(rows: readonly CsvRow[]): string {
  const lines = [COLUMNS.map(([, title]) => cell(title)), ...rows.map((row) => COLUMNS.map(([key]) => cell(row[key])))];
  return `\uFEFF${lines.map((line) => line.join(',')).join('\r\n')}\r\n`;
}

/**
 * Quoted where the text needs it; text a spreadsheet would run as a formula (=, +, -, @ first)
 * is shown as text: names and notes come from the people who record, not from us.
 */
function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
