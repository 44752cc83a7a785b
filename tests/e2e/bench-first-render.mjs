// First render of the web client: from navigation to the member list showing 50 rows, in headless
// Chromium on loopback, against an anchor measured in the same run: the same 50 rows as a static
// HTML page (same stylesheet) served by the same server. Run by scripts/bench_web.sh, which
// starts the seeded server; never part of the tests (timings are not asserted anywhere).
//   BASE_URL=… ADMIN_PASSWORD=… RUNS=15 node bench-first-render.mjs ANCHOR_PATH

import { chromium } from 'playwright-core';

const BASE = process.env.BASE_URL;
const PASSWORD = process.env.ADMIN_PASSWORD;
const RUNS = Number(process.env.RUNS ?? 15);
const ROWS = 50;
const anchorPath = process.argv[2] ?? '/anchor.html';

// Before any script of the page: note the time (ms since navigation start) when a table first
// has ROWS body rows, whoever builds it (the HTML parser or the client).
const WATCH = `(() => {
  const check = () => {
    if (window.__rows === undefined && document.querySelectorAll('table tbody tr').length >= ${ROWS}) {
      window.__rows = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function timeTo(context, path) {
  const page = await context.newPage();
  await page.addInitScript(WATCH);
  await page.goto(`${BASE}${path}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__rows !== undefined, null, { timeout: 30000, polling: 50 });
  const ms = await page.evaluate(() => window.__rows);
  await page.close();
  return ms;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

// Signed in once through the form; every run starts from that stored session.
const setup = await browser.newContext();
const login = await setup.newPage();
await login.goto(BASE);
await login.getByLabel('Tên đăng nhập').fill('admin');
await login.getByLabel('Mật khẩu').fill(PASSWORD);
await login.getByRole('button', { name: 'Đăng nhập' }).click();
await login.getByLabel('Mật khẩu').waitFor({ state: 'detached' });
const storageState = await setup.storageState();
await setup.close();

const results = { cold: [], warm: [], anchorCold: [], anchorWarm: [] };
for (let i = 0; i < RUNS; i += 1) {
  // Cold: a new profile each run (nothing cached); warm: the same profile, loaded again.
  const spa = await browser.newContext({ storageState });
  results.cold.push(await timeTo(spa, '/members'));
  results.warm.push(await timeTo(spa, '/members'));
  await spa.close();
  const anchor = await browser.newContext();
  results.anchorCold.push(await timeTo(anchor, anchorPath));
  results.anchorWarm.push(await timeTo(anchor, anchorPath));
  await anchor.close();
}
await browser.close();

const m = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, median(v)]));
const f = (x) => `${x.toFixed(0)} ms`;
console.log(`first render of ${ROWS} members, median of ${RUNS} runs (min–max in brackets):`);
for (const [k, v] of Object.entries(results)) {
  console.log(`  ${k.padEnd(11)} ${f(m[k]).padStart(8)}  [${f(Math.min(...v))}–${f(Math.max(...v))}]`);
}
console.log(`ratio, client / static page: cold ${(m.cold / m.anchorCold).toFixed(1)}×, warm ${(m.warm / m.anchorWarm).toFixed(1)}×`);
