import type { NewEvent, RecordedEvent } from '../event-store.port';

export interface EventRow {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string | null;
}

export type NewEventRow = Omit<EventRow, 'position'>;

export function toEventRow(streamId: string, revision: number, event: NewEvent): NewEventRow {
  return {
    id: event.id,
    stream_id: streamId,
    revision,
    type: event.type,
    data: JSON.stringify(event.data ?? null),
    metadata: event.metadata === undefined ? null : JSON.stringify(event.metadata),
  };
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  const event: RecordedEvent = {
    id: row.id,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data),
  };
  if (row.metadata !== null) event.metadata = JSON.parse(row.metadata);
  return event;
}
