import type { Browser } from 'playwright-core';
import { UserRole } from '@app/db';
import { ApiClient } from './helpers/api-client';
import { launchBrowser } from './helpers/browser';
import { createApi, createKey } from './helpers/gateway-fixtures';
import { signIn } from './helpers/session';
import { startTestApp, TestApp } from './helpers/test-app';
import { TestUpstream } from './helpers/upstream';
import { until } from './helpers/wait';

/** The Swagger UI at /docs, driven in a real browser as a new user would. */
describe('API explorer (/docs) in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  const upstream = new TestUpstream();
  let apiName: string;
  let key: string;

  beforeAll(async () => {
    await upstream.start();
    t = await startTestApp();
    const api = new ApiClient(t.url);
    const admin = await signIn(t, UserRole.Admin);
    apiName = (await createApi(api, admin, { upstreamUrl: upstream.url })).name;
    key = (await createKey(api, admin, { permissions: [{ api: apiName, permission: 'read' }] })).key;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
    await upstream.stop();
  });

  it('keeps the API key across a reload and calls the gateway with a multi-segment path', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/`); // redirects to /docs
    expect(new URL(page.url()).pathname).toBe('/docs');

    await page.locator('button.authorize').first().click();
    const apiKeyForm = page.locator('.auth-container', { hasText: 'X-API-Key' });
    await apiKeyForm.locator('input').fill(key);
    await apiKeyForm.locator('button.authorize').click();
    await page.locator('button.btn-done').first().click();

    await page.reload();
    const operation = page.locator('#operations-gateway-Gateway_proxy_get');
    await operation.locator('.opblock-summary').click();
    await operation.locator('button.try-out__btn').click();
    await operation.locator('tr[data-param-name="api"] input').fill(apiName);
    await operation.locator('tr[data-param-name="path"] input').fill('v1/users/42');
    await operation.locator('button.execute').click();

    const status = operation.locator('.live-responses-table .response .response-col_status');
    await status.first().waitFor();
    expect((await status.first().innerText()).trim()).toBe('200');
    const seen = upstream.seen.filter((r) => r.url.startsWith('/v1/users/42'));
    expect(seen).toHaveLength(1);
    expect(seen[0].headers['x-datahub-key-id']).toEqual(expect.any(String));

    // Dot segments stay encoded: the browser must not resolve them out of /gateway/ (here to
    // /health/live, which would answer 200 with the saved key attached).
    await operation.locator('tr[data-param-name="path"] input').fill('../../health/live');
    await operation.locator('button.execute').click();
    await until(async () => (await status.first().innerText()).trim() !== '200', 10_000, 'the second answer');
    expect((await status.first().innerText()).trim()).toBe('400');
    expect(await operation.locator('.live-responses-table').innerText()).toContain('PATH_NOT_ALLOWED');
    await page.close();
  });
});
