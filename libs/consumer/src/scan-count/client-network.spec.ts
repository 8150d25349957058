import { NetworkHasher, clientAddress, networkOf } from './client-network';

describe('client network', () => {
  it('is the peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('10.0.0.1', '203.0.113.7', 0)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', undefined, 0)).toBe('10.0.0.1');
  });

  it('is the address the trusted proxies were reached from, counted from the header end, as Fastify does', () => {
    // One proxy: it appended the address it saw; what the client wrote before it is not trusted.
    expect(clientAddress('10.0.0.1', '198.51.100.9, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.1', '203.0.113.7', 1)).toBe('203.0.113.7');
    // Two proxies: the outer one appended the client, the inner one the outer proxy.
    expect(clientAddress('10.0.0.1', '198.51.100.9, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.1', ['198.51.100.9', '203.0.113.7, 10.0.0.2'], 2)).toBe('203.0.113.7');
    // Fewer entries than hops: the farthest one there is.
    expect(clientAddress('10.0.0.1', '203.0.113.7', 3)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.1', ' , ', 1)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', undefined, 1)).toBe('10.0.0.1');
  });

  it.each([
    ['203.0.113.7', '203.0.113.0/24'],
    ['::ffff:203.0.113.7', '203.0.113.0/24'],
    ['2001:db8:1234:5678::1', '2001:db8:1234::/48'],
    ['2001:0DB8:0001::1', '2001:db8:1::/48'],
    ['2001:db8::1', '2001:db8:0::/48'],
  ])('%s is on %s', (address, network) => {
    expect(networkOf(address)).toBe(network);
  });

  it('hashes one network alike and others apart, under its salt', () => {
    const hasher = new NetworkHasher(Buffer.alloc(32, 1));
    expect(hasher.hash('203.0.113.7')).toBe(hasher.hash('203.0.113.200'));
    expect(hasher.hash('203.0.114.7')).not.toBe(hasher.hash('203.0.113.7'));
    expect(new NetworkHasher(Buffer.alloc(32, 2)).hash('203.0.113.7')).not.toBe(hasher.hash('203.0.113.7'));
    expect(hasher.hash('203.0.113.7')).not.toContain('203');
  });
});
