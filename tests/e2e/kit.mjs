// What the walk-through browser tests (candidates, the cell's year) share: the server's address,
// the API called directly to set a scene up, Chromium, a page that collects its problems, signing
// in, following a link inside the app, and a camera that photographs each screen, checks it with
// axe-core (a11y.mjs) and that nothing scrolls sideways.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { checkA11y } from './a11y.mjs';

export const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
export const PASSWORD = process.env.ADMIN_PASSWORD ?? 'admin';
export const SIZES = { desktop: { width: 1280, height: 860 }, 'phone-360': { width: 360, height: 740 } };

/** The screenshots' folder for AREA (one subfolder per size, created). */
export function shotsDir(area) {
  const dir = `${process.env.SCREENSHOTS ?? 'screenshots'}/${area}`;
  for (const s of Object.keys(SIZES)) mkdirSync(`${dir}/${s}`, { recursive: true });
  return dir;
}

/** Calls the API directly (to set a scene up, or to check what the screens wrote). */
export async function api(method, path, body, token) {
  const res = await fetch(`${BASE}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Debian's Chromium, headless, without sandbox or background traffic. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page at SIZE in Vietnamese whose console errors and page errors land in `problems`. */
export async function newPage(browser, size = 'desktop') {
  const context = await browser.newContext({ viewport: SIZES[size], locale: 'vi-VN' });
  const page = await context.newPage();
  page.on('close', () => context.close().catch(() => {}));
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return { page, problems };
}

/** Signs in as the administrator through the sign-in form. */
export async function signIn(page) {
  await page.goto(BASE);
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('#main-nav a[href="/"]').waitFor({ state: 'attached' });
}

/** Follows a link to PATH inside the app, as a click on an anchor does. */
export async function follow(page, path) {
  await page.evaluate((href) => {
    const a = document.createElement('a');
    a.href = href;
    document.body.append(a);
    a.click();
    a.remove();
  }, path);
}

/** Photographs the screen as AREA/SIZE/NN-NAME, checks it with axe and that nothing scrolls sideways. */
export function shooter(page, area, size) {
  const dir = shotsDir(area);
  let n = 0;
  return async (name) => {
    n += 1;
    await page.locator('.loading').first().waitFor({ state: 'detached' }).catch(() => {});
    const shot = `${size}/${String(n).padStart(2, '0')}-${name}`;
    await page.screenshot({ path: `${dir}/${shot}.png`, fullPage: true });
    await checkA11y(page, `${area}/${shot}`);
    const { scroll, width } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth, width: window.innerWidth,
    }));
    assert.ok(scroll <= width, `${shot}: ${scroll} px of content on a ${width} px screen`);
  };
}
