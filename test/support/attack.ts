import { hostile } from './hostile-bodies';
import { RawRequest, sendRaw } from './raw-request';

export interface AttackTarget {
  baseUrl: string;
  /** A logistics key: the cold-chain upload it may send to is the route that takes the largest bodies. */
  logisticsKey: string;
}

/** The worst bodies a client holding a valid key can send, each at the route where it costs most. */
export function worstRequests(target: AttackTarget): { path: string; request: RawRequest }[] {
  const headers = { authorization: `Bearer ${target.logisticsKey}`, 'content-type': 'application/json' };
  const upload = '/api/cold-chain/readings';
  return [
    { path: upload, request: { headers, body: Buffer.from(hostile.brackets(2_000_000)) } },
    { path: upload, request: { headers, body: Buffer.from(hostile.hugeUnknownArray(1_000_000)) } },
    // Just over the limit: a client sending more after the refusal may lose the answer to the connection's reset.
    { path: upload, request: { headers, body: Buffer.from(hostile.padded(2 * 1024 * 1024 + 1)), framing: 'chunked' } },
    { path: '/api/shipments', request: { headers, body: Buffer.from(hostile.deepArrays(2400)) } },
    { path: '/api/shipments', request: { headers, body: Buffer.from(hostile.deepObjects(2400)) } },
  ];
}

/**
 * `clients` connections, each sending the worst requests one after the other, round after
 * round, until `until` resolves; every answer's status is collected.
 */
export async function attack(target: AttackTarget, clients: number, until: Promise<unknown>): Promise<number[]> {
  const requests = worstRequests(target);
  const statuses: number[] = [];
  let done = false;
  void until.then(() => (done = true));
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = client; !done; i++) {
        const { path, request } = requests[i % requests.length];
        statuses.push((await sendRaw(`${target.baseUrl}${path}`, request)).status);
      }
    }),
  );
  return statuses;
}
