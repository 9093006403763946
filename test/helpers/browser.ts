import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import puppeteer, { type Browser as FirefoxBrowser } from 'puppeteer-core';

/** Debian's Chromium (apt-get install chromium); CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Debian's Firefox ESR (apt-get install firefox-esr); FIREFOX_PATH points elsewhere. */
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** A headless Chromium for what a browser shows. Fails with the way to get one when it is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/**
 * A headless Firefox, driven over WebDriver BiDi (puppeteer-core): Playwright drives only
 * its own patched Firefox builds, which cannot be downloaded here; BiDi drives the stock one.
 */
export async function launchFirefox(): Promise<FirefoxBrowser> {
  if (!existsSync(FIREFOX))
    throw new Error(`No Firefox at ${FIREFOX}: apt-get install -y firefox-esr, or set FIREFOX_PATH`);
  return puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
}
