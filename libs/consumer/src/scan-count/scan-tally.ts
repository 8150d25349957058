/** One scan as the tally and the log see it: no address, no person. */
export interface ScanVisit {
  /** Milliseconds since the epoch. */
  at: number;
  /** The salted hash of the client's network. */
  client: string;
  /** The city the client says it is in, normalised; a hint. */
  place?: string;
  /** A scan by the chain's own people (a keyed request, a packhouse's or station's app). */
  chain: boolean;
}

/** What the tally keeps of the item behind a code. */
export interface TalliedItem {
  code: string;
  productId: string;
  /** The organization that owns the item's batch: the brand owner who sees its signals. */
  ownerId: string;
}

interface ClientMark {
  /** This client was the `ordinal`-th consumer to scan the code. */
  ordinal: number;
  lastMinute: number;
  /** Whether its place counts already: only its first one does. */
  placed: boolean;
}

/** Everything known of one code's scans, kept in memory so that a scan reads nothing. */
export interface CodeTally extends TalliedItem {
  firstAt?: number;
  lastAt: number;
  /** Consumers, by their network's hash. */
  clients: Map<string, ClientMark>;
  /** Each consumer's first place told, so that one client claiming ten cities is one place (made when first needed, as the next). */
  places?: Set<string>;
  chainScans: number;
  /** The chain's scanners, by network hash → the minute last counted. */
  chainClients?: Map<string, number>;
}

/** What one scan learns of its code. */
export interface ScanCount {
  /** Whether this scan goes to the log: a client counts once per code and minute. */
  recorded: boolean;
  /** The consumer's place in the order of the code's consumers; absent for a chain scan. */
  ordinal?: number;
  consumers: number;
  places: number;
  firstAt?: number;
  chainScans: number;
}

const MINUTE = 60_000;

/** The scans of every code that has been scanned, counted as they come and as the log replays them. */
export class ScanTally {
  private readonly codes = new Map<string, CodeTally>();

  count(item: TalliedItem, visit: ScanVisit): ScanCount {
    let tally = this.codes.get(item.code);
    if (!tally) {
      tally = { ...item, lastAt: visit.at, clients: new Map(), chainScans: 0 };
      this.codes.set(item.code, tally);
    }
    const minute = Math.floor(visit.at / MINUTE);
    let recorded: boolean;
    let ordinal: number | undefined;
    if (visit.chain) {
      const chainClients = (tally.chainClients ??= new Map());
      recorded = chainClients.get(visit.client) !== minute;
      if (recorded) {
        chainClients.set(visit.client, minute);
        tally.chainScans++;
      }
    } else {
      let mark = tally.clients.get(visit.client);
      recorded = mark?.lastMinute !== minute;
      if (!mark) {
        mark = { ordinal: tally.clients.size + 1, lastMinute: minute, placed: false };
        tally.clients.set(visit.client, mark);
        tally.firstAt ??= visit.at;
      }
      if (visit.place && !mark.placed) {
        (tally.places ??= new Set()).add(visit.place);
        mark.placed = true;
      }
      mark.lastMinute = minute;
      ordinal = mark.ordinal;
    }
    if (recorded) tally.lastAt = visit.at;
    return {
      recorded,
      ordinal,
      consumers: tally.clients.size,
      places: tally.places?.size ?? 0,
      firstAt: tally.firstAt,
      chainScans: tally.chainScans,
    };
  }

  get(code: string): CodeTally | undefined {
    return this.codes.get(code);
  }

  all(): IterableIterator<CodeTally> {
    return this.codes.values();
  }
}
