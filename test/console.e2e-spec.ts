import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { UserRole } from '@app/db';
import { launchBrowser } from './helpers/browser';
import { startBuiltNode } from './helpers/built-node';
import type { RunningProcess } from './helpers/processes';
import { signIn, type SignedIn } from './helpers/session';
import { startTestApp, TestApp } from './helpers/test-app';
import { TestUpstream } from './helpers/upstream';
import { until } from './helpers/wait';
import { randomUUID } from 'node:crypto';

/** Screenshots of every step, for a reviewer: git-ignored. */
const SHOTS = join(__dirname, '..', 'test-output', 'console');

/**
 * The web console at /console, driven in Debian's Chromium against the production build
 * (a built node) on real PostgreSQL and Redis, as an admin and as a viewer would use it.
 */
describe('Console (/console) in a browser', () => {
  let t: TestApp;
  let node: { server: RunningProcess; port: number };
  let base: string;
  let browser: Browser;
  let admin: SignedIn;
  let viewer: SignedIn;
  const upstream = new TestUpstream();
  const cspViolations: string[] = [];
  const suffix = randomUUID().slice(0, 8);
  const apiName = `console-${suffix}`;
  const tierName = `console-${suffix}`;
  let keyName = `console key ${suffix}`;
  let secret = '';
  let keyId = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await upstream.start();
    t = await startTestApp();
    admin = await signIn(t, UserRole.Admin);
    viewer = await signIn(t, UserRole.Viewer);
    node = await startBuiltNode({});
    base = `http://127.0.0.1:${node.port}`;
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    node?.server.child.kill('SIGTERM');
    await node?.server.exited;
    await t?.close();
    await upstream.stop();
  });

  async function newPage(
    options: Parameters<Browser['newContext']>[0] = { viewport: { width: 1280, height: 900 } },
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext(options);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    return { context, page };
  }

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Console' });
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  async function signInAs(page: Page, who: SignedIn): Promise<void> {
    await page.goto(`${base}/console`);
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
  }

  /** Every form control has a name a screen reader announces. */
  async function unlabelledControls(page: Page): Promise<string[]> {
    // Runs in the page: typed structurally, as the test itself is compiled without DOM types.
    type Control = {
      type?: string;
      labels?: { length: number } | null;
      getAttribute(name: string): string | null;
      textContent: string | null;
      outerHTML: string;
    };
    return page.$$eval('input, select, textarea, button', (elements) =>
      (elements as unknown as Control[])
        .filter((control) => {
          if (control.type === 'hidden') return false;
          const named =
            (control.labels?.length ?? 0) > 0 || control.getAttribute('aria-label') || control.textContent?.trim();
          return !named;
        })
        .map((e) => e.outerHTML.slice(0, 80)),
    );
  }

  let adminPage: Page;
  let adminContext: BrowserContext;

  it('serves the console with a strict CSP, cached hashed assets and an uncached page', async () => {
    const page = await fetch(`${base}/console/keys`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await page.text();
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)![1];
    const asset = await fetch(`${base}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    const missing = await fetch(`${base}/console/assets/missing-0000.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('signs an admin in; the refresh token is an httpOnly cookie that survives a reload', async () => {
    ({ context: adminContext, page: adminPage } = await newPage());
    await adminPage.goto(`${base}/console`);
    await shot(adminPage, '01-sign-in');
    // A wrong password shows the server's problem detail and request id.
    await adminPage.getByLabel('Email').fill(admin.email);
    await adminPage.getByLabel('Password').fill('not the password at all');
    await adminPage.getByRole('button', { name: 'Sign in' }).click();
    await adminPage.getByRole('alert').getByText('INVALID_CREDENTIALS').waitFor();
    expect(await adminPage.getByRole('alert').innerText()).toMatch(/Request id/);

    await signInAs(adminPage, admin);
    expect(new URL(adminPage.url()).pathname).toBe('/console/keys');
    const cookies = await adminContext.cookies(`${base}/api/v1/auth/refresh`);
    const refresh = cookies.find((c) => c.name === 'datahub_refresh')!;
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth', secure: false });
    expect(refresh.value).toMatch(/^dhr_/);
    expect(await adminPage.evaluate<string>('document.cookie')).not.toContain('dhr_');

    await adminPage.reload();
    await adminPage.getByRole('heading', { name: 'API keys' }).waitFor();
    expect(await adminPage.getByText(`${admin.email} (admin)`).count()).toBe(1);
    expect(await unlabelledControls(adminPage)).toEqual([]);
    await shot(adminPage, '02-keys-empty');
  });

  it('registers an upstream and creates a tier', async () => {
    await nav(adminPage).getByRole('link', { name: 'APIs' }).click();
    await adminPage.getByRole('button', { name: 'Register API' }).click();
    const dialog = adminPage.getByRole('dialog');
    await dialog.getByLabel('Name').fill(apiName);
    await dialog.getByLabel('Upstream URL').fill(upstream.url);
    expect(await unlabelledControls(adminPage)).toEqual([]);
    await shot(adminPage, '03-register-api');
    await dialog.getByRole('button', { name: 'Register' }).click();
    await adminPage.getByRole('cell', { name: apiName, exact: true }).waitFor();

    await nav(adminPage).getByRole('link', { name: 'Rate-limit tiers' }).click();
    await adminPage.getByRole('button', { name: 'Create tier' }).click();
    const tierDialog = adminPage.getByRole('dialog');
    await tierDialog.getByLabel('Tier name').fill(tierName);
    await tierDialog.getByLabel('Requests per minute').fill('3');
    await tierDialog.getByLabel('Requests per hour').fill('100');
    await tierDialog.getByLabel('Burst (requests per second)').fill('3');
    await tierDialog.getByRole('button', { name: 'Create tier' }).click();
    await adminPage.getByRole('cell', { name: tierName, exact: true }).waitFor();
    await shot(adminPage, '04-tiers');
  });

  it('creates a key, shows its secret once and copies it', async () => {
    await nav(adminPage).getByRole('link', { name: 'API keys' }).click();
    await adminPage.getByRole('button', { name: 'Create key' }).click();
    const dialog = adminPage.getByRole('dialog');
    await dialog.getByLabel('Name').fill(keyName);
    await dialog.getByLabel('Rate-limit tier').selectOption(tierName);
    await dialog.getByLabel('API to add').selectOption(apiName);
    await dialog.getByRole('button', { name: 'Add API' }).click();
    await dialog.getByLabel(`Permission on ${apiName}`).selectOption('read');
    await shot(adminPage, '05-create-key');
    await dialog.getByRole('button', { name: 'Create key' }).click();

    await adminPage.getByText('you will not see this secret again').waitFor();
    secret = await adminPage.getByLabel('API key secret').inputValue();
    expect(secret).toMatch(/^dh_/);
    await adminPage.getByRole('button', { name: 'Copy' }).click();
    await adminPage.getByText('Copied to the clipboard.').waitFor();
    expect(await adminPage.evaluate<string>('navigator.clipboard.readText()')).toBe(secret);
    await shot(adminPage, '06-secret-once');
    await adminPage.getByRole('button', { name: 'I have stored it' }).click();
    expect(await adminPage.getByLabel('API key secret').count()).toBe(0);
    const row = adminPage.locator('tr', { hasText: keyName });
    keyId = (await row.getAttribute('data-key-id'))!;
    expect(await row.innerText()).toContain(`${apiName} (read)`);
  });

  it('renames the key, sending only the name', async () => {
    await adminPage.getByRole('button', { name: `Edit ${keyName}` }).click();
    const dialog = adminPage.getByRole('dialog');
    const renamed = `${keyName} v2`;
    await dialog.getByLabel('Name').fill(renamed);
    const sent = adminPage.waitForRequest((r) => r.method() === 'PATCH' && r.url().endsWith(`/api/v1/keys/${keyId}`));
    await dialog.getByRole('button', { name: 'Save' }).click();
    expect((await sent).postDataJSON()).toEqual({ name: renamed });
    keyName = renamed;
    await adminPage.locator('tr', { hasText: renamed }).waitFor();
    const stored = await fetch(`${base}/api/v1/keys/${keyId}`, {
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect(((await stored.json()) as { data: Record<string, unknown> }).data).toMatchObject({
      name: renamed,
      rateLimitTier: tierName,
      expiresAt: null,
      permissions: [{ api: apiName, permission: 'read' }],
    });
  });

  it('shows the key hitting its limit in the usage view and the audit log', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${base}/gateway/${apiName}/echo/console`, { headers: { 'x-api-key': secret } });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 429]);

    // The key's own "Usage" link opens the view filtered to that key.
    await adminPage.getByRole('link', { name: `Usage of ${keyName}` }).click();
    await adminPage.getByRole('heading', { name: 'Usage' }).waitFor();
    expect(new URL(adminPage.url()).search).toBe(`?keyId=${keyId}`);
    const keySelect = adminPage.locator('label.field', { hasText: /^Key/ }).locator('select');
    await until(async () => (await keySelect.inputValue()) === keyId, 10_000, 'the key filter to show the key');
    const requests = adminPage.locator('[data-figure="requests"]');
    // The rows reach PostgreSQL within the writer's flush interval; the view refreshes by itself.
    await until(
      async () => (await requests.count()) > 0 && (await requests.innerText()) === '4',
      20_000,
      'the usage figure',
    );
    expect(await adminPage.locator('.chart canvas').count()).toBeGreaterThan(0);
    await adminPage.getByText('4xx: 1').waitFor();
    await shot(adminPage, '07-usage');

    await nav(adminPage).getByRole('link', { name: 'Audit log' }).click();
    await adminPage.getByLabel('Event type').fill('ratelimit.hit');
    await adminPage.getByLabel('API key id').fill(keyId);
    const hit = adminPage.locator('tr[data-event-type="ratelimit.hit"]');
    await until(
      async () => {
        await adminPage.getByRole('button', { name: 'Filter' }).click();
        await adminPage.waitForTimeout(300);
        return (await hit.count()) === 1;
      },
      20_000,
      'the ratelimit.hit event',
    );
    await hit.getByRole('button', { name: /Details/ }).click();
    expect(await adminPage.getByRole('dialog').locator('pre').innerText()).toContain(keyId);
    await shot(adminPage, '08-audit');
    await adminPage.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  });

  it('revokes the key with a confirmation, and the gateway refuses it', async () => {
    await nav(adminPage).getByRole('link', { name: 'API keys' }).click();
    await adminPage.getByRole('button', { name: `Revoke ${keyName}` }).click();
    await shot(adminPage, '09-revoke-confirm');
    await adminPage.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
    await adminPage.locator('tr', { hasText: keyName }).getByText('revoked').waitFor();
    const res = await fetch(`${base}/gateway/${apiName}/echo/console`, { headers: { 'x-api-key': secret } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('API_KEY_REVOKED');
    await shot(adminPage, '10-revoked');
  });

  it('signs out: the cookie is cleared and a reload lands on the sign-in page', async () => {
    await adminPage.getByRole('button', { name: 'Sign out' }).click();
    await adminPage.getByRole('heading', { name: 'Sign in to DataHub' }).waitFor();
    expect(
      (await adminContext.cookies(`${base}/api/v1/auth/refresh`)).find((c) => c.name === 'datahub_refresh'),
    ).toBeUndefined();
    await adminPage.reload();
    await adminPage.getByRole('heading', { name: 'Sign in to DataHub' }).waitFor();
    await adminContext.close();
  });

  it('works from the keyboard alone at 200 % zoom', async () => {
    // 640 × 450 CSS pixels is what a 1280 × 900 window shows at 200 %.
    const { context, page } = await newPage({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
    await page.goto(`${base}/console`);
    await page.getByLabel('Email').waitFor();
    // The email field has the focus; Tab moves to the password, Enter submits.
    await page.keyboard.type(viewer.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(viewer.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Skip to content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('API keys');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Usage');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Usage' }).waitFor();
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await shot(page, '13-zoom-200');
    await context.close();
  });

  it('a viewer sees no admin pages and cannot reach them by URL', async () => {
    const { context, page } = await newPage();
    await signInAs(page, viewer);
    expect(await nav(page).getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await nav(page).getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Create key' }).count()).toBe(0);
    await shot(page, '11-viewer-keys');
    for (const path of ['/users', '/audit']) {
      await page.goto(`${base}/console${path}`);
      await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    }
    await shot(page, '12-viewer-not-allowed');
    // The page only mirrors the server, which refuses the calls behind it.
    const users = await fetch(`${base}/api/v1/admin/users`, {
      headers: { authorization: `Bearer ${viewer.accessToken}` },
    });
    expect(users.status).toBe(403);
    await page.goto(`${base}/console/apis`);
    await page.getByRole('cell', { name: apiName, exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Register API' }).count()).toBe(0);
    expect(await page.getByText(upstream.url).count()).toBe(0);
    await context.close();
    expect(cspViolations).toEqual([]);
  });
});
