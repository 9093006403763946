import type { Browser, Page } from 'puppeteer-core';
import { UserRole } from '@app/db';
import { launchFirefox } from './helpers/browser';
import { signIn, type SignedIn } from './helpers/session';
import { startTestApp, TestApp } from './helpers/test-app';

/** The console in Firefox (stock ESR, over WebDriver BiDi): sign-in, a reload, each page. */
describe('Console (/console) in Firefox', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: SignedIn;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signIn(t, UserRole.Admin);
    browser = await launchFirefox();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  // Expressions run in the page (this file is compiled without DOM types).
  const heading = (page: Page, text: string) =>
    page.waitForFunction(`document.querySelector('h1')?.textContent === ${JSON.stringify(text)}`, { timeout: 15_000 });

  it('signs in, survives a reload on the refresh cookie, and renders every admin page', async () => {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    await page.goto(`${t.url}/console`);
    await page.waitForSelector('input[name=email]');
    await page.type('input[name=email]', admin.email);
    await page.type('input[name=password]', admin.password);
    await page.click('button[type=submit]');
    await heading(page, 'API keys');

    await page.reload();
    await heading(page, 'API keys');
    expect(await page.evaluate(`document.querySelector('header .who')?.textContent`)).toContain(admin.email);

    for (const [path, title] of [
      ['usage', 'Usage'],
      ['apis', 'APIs'],
      ['tiers', 'Rate-limit tiers'],
      ['users', 'Users'],
      ['audit', 'Audit log'],
      ['account', 'Account'],
    ]) {
      await page.click(`nav a[href="/console/${path}"]`);
      await heading(page, title);
      expect(await page.evaluate(`document.querySelector('[role=alert]')?.textContent ?? null`)).toBeNull();
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
