/** The event a re-judgement follows: its id is the evidence of any alert it raises. */
export interface Cause {
  eventId: string;
  occurredAt: string;
  recordedAt: string;
}
