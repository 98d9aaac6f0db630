import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, readConfig } from '../src/config.ts';
import { addressKey, RateLimiter } from '../src/rate-limit.ts';

describe('rate limiter', () => {
  it('groups IPv6 addresses by /64 and unwraps IPv4-mapped addresses', () => {
    assert.equal(addressKey('203.0.113.7'), '203.0.113.7');
    assert.equal(addressKey('::ffff:203.0.113.7'), '203.0.113.7');
    assert.equal(addressKey('2001:db8:0:1::5'), '2001:db8:0:1::/64');
    assert.equal(addressKey('2001:0db8:0000:0001:aaaa:bbbb:cccc:dddd'), '2001:db8:0:1::/64');
    assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(addressKey('::1'), '0:0:0:0::/64');
    assert.notEqual(addressKey('2001:db8:0:1::5'), addressKey('2001:db8:0:2::5'));
  });

  it('counts per kind and address within a window', () => {
    const limiter = new RateLimiter({
      read: { limit: 2, windowMs: 1000 },
      write: { limit: 1, windowMs: 1000 },
      create: { limit: 1, windowMs: 10_000 },
    });
    assert.equal(limiter.take('read', '10.0.0.1', 0), 0);
    assert.equal(limiter.take('read', '10.0.0.1', 10), 0);
    assert.equal(limiter.take('read', '10.0.0.1', 20), 1);
    assert.equal(limiter.take('read', '10.0.0.2', 20), 0, 'another address has its own budget');
    assert.equal(limiter.take('write', '10.0.0.1', 20), 0, 'writes have their own budget');
    assert.equal(limiter.take('create', '10.0.0.1', 0), 0);
    assert.equal(limiter.take('create', '10.0.0.1', 1000), 9);
    assert.equal(limiter.take('read', '10.0.0.1', 1000), 0, 'a new window starts afresh');
  });
});

describe('config from the environment', () => {
  it('has safe defaults', () => {
    const config = readConfig({}, '/srv/hub');
    assert.deepEqual(config.store, { kind: 'sqlite', dataDir: '/srv/hub/data/shares' });
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8787);
    assert.equal(config.basePath, '/api/shares');
    assert.equal(config.maxBodyBytes, 256 * 1024);
    assert.equal(config.ttlMs, 90 * 86_400_000);
    assert.equal(config.rateLimit, true);
    assert.deepEqual(config.allowedOrigins, []);
  });

  it('reads every setting', () => {
    const config = readConfig(
      {
        PORT: '0',
        HOST: '0.0.0.0',
        SHARE_STORE: 'postgres',
        DATABASE_URL: 'postgres://hub@db/hub',
        SHARE_ALLOWED_ORIGINS: 'https://hub.example, https://council.example',
        SHARE_BASE_PATH: '/shares',
        SHARE_MAX_BYTES: '1000',
        SHARE_TTL_DAYS: '30',
        SHARE_RATE_LIMIT: 'off',
        SHARE_LOG: 'off',
      },
      '/',
    );
    assert.deepEqual(config.store, { kind: 'postgres', connectionString: 'postgres://hub@db/hub' });
    assert.deepEqual(config.allowedOrigins, ['https://hub.example', 'https://council.example']);
    assert.equal(config.port, 0);
    assert.equal(config.maxBodyBytes, 1000);
    assert.equal(config.ttlMs, 30 * 86_400_000);
    assert.equal(config.rateLimit, false);
    assert.equal(config.log, false);
  });

  it('refuses unusable settings with a message naming the variable', () => {
    for (const [env, pattern] of [
      [{ SHARE_STORE: 'mysql' }, /SHARE_STORE/],
      [{ SHARE_STORE: 'postgres' }, /DATABASE_URL/],
      [{ PORT: 'eighty' }, /PORT/],
      [{ SHARE_ALLOWED_ORIGINS: 'council.example' }, /SHARE_ALLOWED_ORIGINS/],
      [{ SHARE_RATE_LIMIT: 'maybe' }, /SHARE_RATE_LIMIT/],
      [{ SHARE_BASE_PATH: 'api' }, /SHARE_BASE_PATH/],
    ] as const) {
      assert.throws(
        () => readConfig(env, '/'),
        (error: unknown) => error instanceof ConfigError && pattern.test(error.message),
      );
    }
  });
});
