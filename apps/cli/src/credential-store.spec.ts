import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { configDir, CredentialStore } from './credential-store';

describe('configDir', () => {
  it('prefers DATAHUB_CONFIG_DIR, then XDG_CONFIG_HOME, then ~/.config', () => {
    expect(configDir({ DATAHUB_CONFIG_DIR: '/a', XDG_CONFIG_HOME: '/b' })).toBe('/a');
    expect(configDir({ XDG_CONFIG_HOME: '/b' })).toBe('/b/datahub');
    expect(configDir({})).toBe(join(homedir(), '.config', 'datahub'));
  });
});

describe('CredentialStore', () => {
  let dir: string;
  beforeEach(() => (dir = join(mkdtempSync(join(tmpdir(), 'creds-')), 'nested', 'datahub')));
  afterEach(() => rmSync(join(dir, '..', '..'), { recursive: true, force: true }));

  it('keeps one session per server in a 0600 file inside a 0700 directory', () => {
    const store = new CredentialStore(dir);
    store.save('http://a', { email: 'a@x', accessToken: 'at-a', refreshToken: 'rt-a' });
    store.save('http://b', { accessToken: 'at-b', refreshToken: 'rt-b' });
    expect(store.load('http://a')).toEqual({ email: 'a@x', accessToken: 'at-a', refreshToken: 'rt-a' });
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(store.remove('http://a')).toBe(true);
    expect(store.remove('http://a')).toBe(false);
    expect(JSON.parse(readFileSync(store.file, 'utf8'))).toEqual({
      version: 1,
      servers: { 'http://b': { accessToken: 'at-b', refreshToken: 'rt-b' } },
    });
  });

  it('tightens a file that was readable by others when it rewrites it', () => {
    const store = new CredentialStore(dir);
    store.save('http://a', { accessToken: 'x', refreshToken: 'y' });
    writeFileSync(store.file, readFileSync(store.file), { mode: 0o644 });
    store.save('http://a', { accessToken: 'x2', refreshToken: 'y2' });
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
  });

  it('treats a missing or corrupt file as no sessions', () => {
    const store = new CredentialStore(dir);
    expect(store.load('http://a')).toBeUndefined();
    store.save('http://a', { accessToken: 'x', refreshToken: 'y' });
    writeFileSync(store.file, '{not json');
    expect(store.load('http://a')).toBeUndefined();
  });
});
