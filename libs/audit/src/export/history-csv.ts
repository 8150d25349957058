import { csvField } from '@suyuan/labels';
import { HistoryRow } from '../application/history-rows';

const COLUMNS: [string, (row: HistoryRow) => string | number | undefined][] = [
  ['position 位置', (r) => r.position],
  ['occurred_at 发生时间', (r) => r.occurredAt],
  ['recorded_at 记录时间', (r) => r.recordedAt],
  ['type 事件类型', (r) => r.type],
  ['family 类别', (r) => r.family],
  ['summary 内容', (r) => r.summary],
  ['organization 记录单位', (r) => r.recordedBy.organizationName],
  ['organization_id 单位ID', (r) => r.recordedBy.organizationId],
  ['key_id 密钥ID', (r) => r.recordedBy.keyId],
  ['facility 地点', (r) => r.facility?.name],
  ['facility_id 地点ID', (r) => r.facility?.id],
  ['stream 事件流', (r) => r.streamId],
  ['revision 版本', (r) => r.revision],
  ['event_id 事件ID', (r) => r.eventId],
];

/** The first line of the file: a byte-order mark, so that Excel reads the Chinese as UTF-8, and the column titles. */
export const CSV_HEAD = `\uFEFF${COLUMNS.map(([title]) => csvField(title)).join(',')}\r\n`;

/** One line a row; lines end in CRLF (RFC 4180). */
export function csvLines(rows: readonly HistoryRow[]): string {
  return rows.map((row) => `${COLUMNS.map(([, value]) => csvField(String(value(row) ?? ''))).join(',')}\r\n`).join('');
}
