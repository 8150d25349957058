import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * The client's address as Fastify works it out with `trustProxy` set to a number of hops (as
 * the app is built, from TRUST_PROXY): each trusted proxy appends the address it was reached
 * from, so the client is `hops` entries back from the socket's peer, counted from the header's
 * end; entries before that are whatever the client wrote and never trusted. With no hops (the
 * default) the peer itself. The fast lane answers before Fastify, so it asks here to count
 * the same client the routes do.
 */
export function clientAddress(remote: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const peer = remote ?? '';
  if (hops === 0 || forwardedFor === undefined) return peer;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) return peer;
  return entries[Math.max(0, entries.length - hops)];
}

/**
 * The network a client scans from, coarse on purpose: an IPv4 /24 or an IPv6 /48 (one home,
 * one office, one carrier's NAT pool). Counting networks rather than addresses means a phone
 * hopping between addresses of its carrier stays one scanner, and no address is kept.
 */
export function networkOf(address: string): string {
  const mapped = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIPv4(mapped)) return `${mapped.slice(0, mapped.lastIndexOf('.'))}.0/24`;
  if (isIPv6(address)) return `${expandIPv6(address).slice(0, 3).join(':')}::/48`;
  return `other:${address.slice(0, 64)}`;
}

function expandIPv6(address: string): string[] {
  const zoneless = address.split('%')[0];
  const [head, tail] = zoneless.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((g) => (g.includes('.') ? g : g.toLowerCase().replace(/^0+(?=.)/, '')));
}

/** A client's network as a salted hash: equal networks give equal hashes, and the network cannot be read back. */
export class NetworkHasher {
  private readonly last = { address: '', hash: '' };

  constructor(private readonly salt: Buffer) {}

  hash(address: string): string {
    // A burst of scans comes from one client at a time more often than not.
    if (address === this.last.address) return this.last.hash;
    const hash = createHmac('sha256', this.salt).update(networkOf(address)).digest('base64url').slice(0, 16);
    this.last.address = address;
    this.last.hash = hash;
    return hash;
  }
}
