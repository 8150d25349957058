import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { isItemCode, normalizeItemCode } from '@suyuan/codes';
import { CLOCK, Clock } from '@suyuan/platform';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { StandardView } from '@suyuan/standards';
import { Lru } from '../scan/lru';
import { NetworkHasher } from './client-network';
import { ScanLimits, VOIDED_FLAG, scanLimits, scanWarnings, warningFlags } from './scan-limits';
import { SCAN_LOG, ScanLog } from './scan-log.port';
import { normalizePlace } from './scan-place';
import { ScanRecorder } from './scan-recorder';
import { ScanShown } from './scan-shown';
import { ScanTally } from './scan-tally';

/** What the scan route knows of who scans. */
export interface Scanner {
  /** The client's address as the app works it out (`clientAddress`). */
  address: string;
  chain: boolean;
  /** The `loc` parameter as sent, if any. */
  loc?: string;
}

/** The item behind a scanned code, as much as counting needs. */
export interface CountedItem {
  code: string;
  productId: string;
  category: string;
  ownerId: string;
  packedAt: string;
  /** The code was voided: its scans are counterfeit signals of their own. */
  voided: boolean;
}

/** Unissued codes remembered per client and minute, so that a flood of one bad code is one record a minute. */
const UNISSUED_SEEN = 50_000;

/**
 * Counts every scan — the fast lane's, the routes', the Digital Link's — off the item's stream
 * and off the scan's own time. Scans are not events: they are no command's fact, they come by
 * the thousand, and nothing the chain decides rests on them; putting them in the event store
 * would make every scan a write that contends with the commands. So:
 * - in memory, a tally per code (`ScanTally`), restored from the scan log at start, so that a
 *   scan reads nothing and its answer can say "您是第 N 位查询者，首次查询于 …";
 * - to the scan log (`ScanLog`: `scans.sqlite`, a file of its own) in batches (`ScanRecorder`:
 *   every 200 ms, every 1,000 scans, and at shutdown). A crash loses at most the batch that
 *   waited: scans are never acknowledged as commands are.
 * A consumer is a network (`networkOf`: IPv4 /24, IPv6 /48) as a hash salted with the log's own
 * secret (made once, never rotated: a code's consumers are counted over its whole life); no
 * address is kept. A client counts once per code and minute (a flood is one record a minute).
 * The chain's own scans are counted apart and raise no warning; a told place (`loc`) counts
 * once per consumer, so no warning rests on one client's word.
 */
@Injectable()
export class ScanCounter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('scan-count');
  private readonly tally = new ScanTally();
  private readonly recorder: ScanRecorder;
  private hasher = new NetworkHasher(Buffer.alloc(0));
  /** Each product's standard's `scans` rule, when it has one. */
  private readonly overrides = new Map<string, Partial<ScanLimits>>();
  private readonly limits = new Map<string, ScanLimits>();
  private readonly unissuedSeen = new Lru<string, number>(UNISSUED_SEEN);
  private lastPacked = { iso: '', ms: Number.NaN };

  constructor(
    @Inject(SCAN_LOG) private readonly log: ScanLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {
    this.recorder = new ScanRecorder(log, (error, dropped) =>
      this.logger.error(`the scan log refused a batch${dropped ? `; ${dropped} scans dropped` : ''}: ${String(error)}`),
    );
  }

  async onModuleInit(): Promise<void> {
    this.hasher = new NetworkHasher(await this.log.salt());
    await this.log.replay((r) => {
      if (r.issued && r.productId && r.ownerId) this.tally.count({ code: r.code, productId: r.productId, ownerId: r.ownerId }, r);
    });
    for (const standard of await this.docs.find<StandardView>('standards')) this.takeStandard(standard);
    this.docs.onChange((changes) => {
      for (const c of changes) {
        if (c.collection !== 'standards') continue;
        if (c.doc) this.takeStandard(c.doc as StandardView);
        else void this.docs.get<StandardView>('standards', c.id).then((s) => s && this.takeStandard(s));
      }
    });
    this.recorder.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.recorder.stop();
    await this.log.close();
  }

  /** Counts a scan of an issued code and says what its answer shows. */
  count(item: CountedItem, scanner: Scanner): ScanShown {
    const at = this.clock.now().getTime();
    const visit = { at, client: this.hasher.hash(scanner.address), place: normalizePlace(scanner.loc), chain: scanner.chain };
    const counted = this.tally.count(item, visit);
    // A chain scan sees the consumers' warnings but raises none of its own (its time is the chain's).
    const packedAt = scanner.chain ? Number.POSITIVE_INFINITY : this.packedAtMs(item.packedAt);
    const warnings = scanWarnings(counted, this.limitsOf(item), packedAt, at);
    if (counted.recorded) {
      this.recorder.add({
        ...visit,
        code: item.code,
        issued: true,
        ownerId: item.ownerId,
        productId: item.productId,
        flags: warningFlags(warnings) | (item.voided ? VOIDED_FLAG : 0),
      });
    }
    return {
      ordinal: counted.ordinal,
      consumers: counted.consumers,
      places: counted.places,
      firstScannedAt: counted.firstScannedAt,
      chain: scanner.chain,
      warnings,
    };
  }

  /** Counts a scan of a code that was never issued: a counterfeiter's invented code, or a typo. */
  countUnissued(rawCode: string, scanner: Scanner): void {
    if (!isItemCode(rawCode)) return;
    const at = this.clock.now().getTime();
    const code = normalizeItemCode(rawCode);
    const client = this.hasher.hash(scanner.address);
    const minute = Math.floor(at / 60_000);
    const key = `${client}|${code}`;
    if (this.unissuedSeen.get(key) === minute) return;
    this.unissuedSeen.set(key, minute);
    this.recorder.add({ at, client, place: normalizePlace(scanner.loc), chain: scanner.chain, code, issued: false, flags: 0 });
  }

  /** The salted hash a client's network is counted under (problem reports and verification attempts use it too). */
  clientOf(address: string): string {
    return this.hasher.hash(address);
  }

  /** Writes what waits for the log now (tests; shutdown does it too). */
  flush(): Promise<void> {
    return this.recorder.flush();
  }

  /** Items packed together share their packing's time: most scans parse none. */
  private packedAtMs(iso: string): number {
    if (iso !== this.lastPacked.iso) this.lastPacked = { iso, ms: Date.parse(iso) };
    return this.lastPacked.ms;
  }

  /** Days from packing within which the product is sold and eaten (its standard's, else its category's); undefined: no limit. */
  shelfLifeDays(item: Pick<CountedItem, 'productId' | 'category'>): number | undefined {
    return this.limitsOf(item).shelfLifeDays;
  }

  private limitsOf(item: Pick<CountedItem, 'productId' | 'category'>): ScanLimits {
    let limits = this.limits.get(item.productId);
    if (!limits) this.limits.set(item.productId, (limits = scanLimits(item.category, this.overrides.get(item.productId))));
    return limits;
  }

  private takeStandard(standard: StandardView): void {
    const now = this.clock.now().toISOString();
    const inForce = standard.versions.filter((v) => v.effectiveFrom <= now).pop();
    const rule = inForce?.rules.scans;
    if (rule) this.overrides.set(standard.productId, rule);
    else this.overrides.delete(standard.productId);
    this.limits.delete(standard.productId);
  }
}
