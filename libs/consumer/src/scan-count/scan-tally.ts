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

class ClientMark {
  /** Whether its place counts already: only its first one does. */
  placed = false;

  constructor(
    readonly client: string,
    /** This client was the `ordinal`-th consumer to scan the code. */
    readonly ordinal: number,
    public lastMinute: number,
  ) {}
}

/**
 * Everything known of one code's scans, kept in memory so that a scan reads nothing. A class
 * with every field declared, and collections made only when needed: most codes meet one
 * consumer, and a server holds a tally for every code ever scanned.
 */
export class CodeTally implements TalliedItem {
  readonly code: string;
  readonly productId: string;
  readonly ownerId: string;
  /** When the first consumer scanned it, as ISO text: made once, shown by every scan after. */
  firstScannedAt: string | undefined = undefined;
  /** The first consumer, inline: most codes never meet a second. */
  first: ClientMark | undefined = undefined;
  /** The consumers after the first, by their network's hash. */
  others: Map<string, ClientMark> | undefined = undefined;
  /** Each consumer's first place told, so that one client claiming ten cities is one place. */
  places: Set<string> | undefined = undefined;
  chainScans = 0;
  /** The chain's scanners, by network hash → the minute last counted. */
  chainClients: Map<string, number> | undefined = undefined;

  constructor(item: TalliedItem) {
    this.code = item.code;
    this.productId = item.productId;
    this.ownerId = item.ownerId;
  }

  get consumers(): number {
    return this.first ? 1 + (this.others?.size ?? 0) : 0;
  }
}

/** What one scan learns of its code. */
export interface ScanCount {
  /** Whether this scan goes to the log: a client counts once per code and minute. */
  recorded: boolean;
  /** The consumer's place in the order of the code's consumers; absent for a chain scan. */
  ordinal?: number;
  consumers: number;
  places: number;
  firstScannedAt?: string;
  chainScans: number;
}

const MINUTE = 60_000;

/** The scans of every code that has been scanned, counted as they come and as the log replays them. */
export class ScanTally {
  private readonly codes = new Map<string, CodeTally>();

  count(item: TalliedItem, visit: ScanVisit): ScanCount {
    let tally = this.codes.get(item.code);
    if (!tally) this.codes.set(item.code, (tally = new CodeTally(item)));
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
      let mark = tally.first?.client === visit.client ? tally.first : tally.others?.get(visit.client);
      recorded = mark?.lastMinute !== minute;
      if (!mark) {
        mark = new ClientMark(visit.client, tally.consumers + 1, minute);
        if (!tally.first) tally.first = mark;
        else (tally.others ??= new Map()).set(visit.client, mark);
        tally.firstScannedAt ??= new Date(visit.at).toISOString();
      }
      mark.lastMinute = minute;
      if (visit.place && !mark.placed) {
        (tally.places ??= new Set()).add(visit.place);
        mark.placed = true;
      }
      ordinal = mark.ordinal;
    }
    return {
      recorded,
      ordinal,
      consumers: tally.consumers,
      places: tally.places?.size ?? 0,
      firstScannedAt: tally.firstScannedAt,
      chainScans: tally.chainScans,
    };
  }

  get(code: string): CodeTally | undefined {
    return this.codes.get(code);
  }
}
