import { loadConfig } from './config';

describe('loadConfig', () => {
  it('runs the compliance projections in the append unless told to use the projector worker', () => {
    expect(loadConfig({}).projector).toBe('inline');
    expect(loadConfig({ PROJECTOR: 'worker' }).projector).toBe('worker');
  });

  it('refuses an unknown projector mode, naming the variable and the value', () => {
    expect(() => loadConfig({ PROJECTOR: 'thread' })).toThrow('PROJECTOR must be worker|inline, got "thread"');
  });

  it('trusts no proxy unless told how many stand in front of the server, and refuses anything but a small count', () => {
    expect(loadConfig({}).trustProxyHops).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxyHops).toBe(2);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(
      'TRUST_PROXY must be the number of proxies in front of the server (0-10), got "true"',
    );
    expect(() => loadConfig({ TRUST_PROXY: '-1' })).toThrow('TRUST_PROXY must be');
  });

  it('refuses a bad port, a bad base URL and a short admin key by name', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow('PORT must be a port number');
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'suyuan.example.cn' })).toThrow('PUBLIC_BASE_URL must be an http(s) URL');
    expect(() => loadConfig({ SUYUAN_ADMIN_KEY: 'short' })).toThrow('SUYUAN_ADMIN_KEY must be at least 16 characters');
  });

  it('signs a checkpoint every hour unless told otherwise, and takes a signing key only as PKCS#8 PEM', () => {
    expect(loadConfig({}).auditCheckpointMinutes).toBe(60);
    expect(loadConfig({ AUDIT_CHECKPOINT_MINUTES: '0' }).auditCheckpointMinutes).toBe(0);
    expect(() => loadConfig({ AUDIT_CHECKPOINT_MINUTES: 'hourly' })).toThrow('AUDIT_CHECKPOINT_MINUTES must be a number of minutes');
    expect(() => loadConfig({ SUYUAN_AUDIT_SIGNING_KEY: 'secret' })).toThrow('SUYUAN_AUDIT_SIGNING_KEY must be an Ed25519 private key');
  });
});
