// Browser tests of the web client against a real server with a seeded SQLite database
// (scripts/e2e.sh starts both). playwright-core drives Debian's Chromium; nothing is downloaded.
// Any console error or page error fails the test; screenshots of each screen go to $SCREENSHOTS.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
const PASSWORD = process.env.ADMIN_PASSWORD ?? 'admin';
const SHOTS = process.env.SCREENSHOTS ?? 'screenshots';
mkdirSync(SHOTS, { recursive: true });

let browser;
let seeded;

async function api(method, path, body, token) {
  const res = await fetch(`${BASE}/api/v1${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A province, a commune, a cell and a few members with Vietnamese names, through the API. */
async function seed() {
  const { access_token: token } = await api('POST', '/auth/login', { username: 'admin', password: PASSWORD });
  const org = async (name, kind, parent_id) => (await api('POST', '/organizations', { name, kind, parent_id }, token)).id;
  const province = await org('Tỉnh ủy Hòa Bình', 'province', null);
  const commune = await org('Đảng ủy xã Tân Lạc', 'commune', province);
  const cell = await org('Chi bộ thôn Đồng Bãi', 'cell', commune);
  const people = [
    ['Nguyễn Văn An', 'male', 1980, '031080001001'],
    ['Trần Thị Bình', 'female', 1985, '031185001002'],
    ['Lê Văn Cường', 'male', 1979, '031079001003'],
    ['Phạm Thị Dung', 'female', 1990, '031190001004'],
  ];
  const ids = {};
  for (const [full_name, gender, year, national_id] of people) {
    const m = await api('POST', '/members', {
      organization_id: cell, full_name, gender, birth_date: `${year}-04-12`, national_id,
      admission_decision_on: '2015-03-02', admission_decision_no: '12-QĐ/ĐU', ceremony_on: '2015-03-16',
      status: 'official', official_on: '2016-03-16', hometown: 'Xã Tân Lạc, tỉnh Hòa Bình',
    }, token);
    ids[full_name] = m.id;
  }
  return { token, province, commune, cell, ids };
}

async function newPage() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return { page, problems };
}

async function signIn(page) {
  await page.goto(BASE);
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Tổng quan' }).waitFor();
}

before(async () => {
  seeded = await seed();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
});

test('sign in, find "Nguyễn Văn An" by typing "nguyen van an", open the record', async () => {
  const { page, problems } = await newPage();
  await page.goto(BASE);
  await page.getByLabel('Tên đăng nhập').waitFor();
  await page.screenshot({ path: `${SHOTS}/01-sign-in.png` });

  // A wrong password is an error a person can act on, shown next to the form.
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill('not-the-password');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /mật khẩu|đăng nhập/i);
  problems.length = 0; // the 401 of a wrong password is expected in the console

  await signIn(page);
  await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
  await page.screenshot({ path: `${SHOTS}/02-dashboard.png`, fullPage: true });

  const started = Date.now();
  await page.getByRole('navigation').getByRole('link', { name: 'Đảng viên' }).click();
  await page.locator('table.members tbody tr').first().waitFor();
  const firstList = Date.now() - started;
  console.log(`time to the first rendered member list: ${firstList} ms`);
  // Vietnamese order: An, Bình, Cường, Dung.
  const names = await page.locator('table.members tbody tr td:first-child').allInnerTexts();
  assert.deepEqual(names, ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung']);

  await page.getByLabel('Tìm kiếm').pressSequentially('nguyen van an', { delay: 40 });
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('table.members tbody tr td:first-child')];
    return rows.length === 1 && rows[0].innerText.trim() === 'Nguyễn Văn An';
  });
  await page.screenshot({ path: `${SHOTS}/03-member-search.png`, fullPage: true });

  await page.getByRole('link', { name: 'Nguyễn Văn An' }).click();
  await page.getByRole('heading', { name: /Nguyễn Văn An/ }).waitFor();
  await page.getByText('031080001001').waitFor();
  await page.screenshot({ path: `${SHOTS}/04-member-dossier.png`, fullPage: true });
  await page.getByRole('tab', { name: 'Lịch sử' }).click();
  await page.getByRole('tabpanel').getByRole('table').waitFor();
  await page.screenshot({ path: `${SHOTS}/05-member-history.png`, fullPage: true });

  assert.deepEqual(problems, []);
  await page.close();
});

test('deep links open the app, the tree opens level by level, English is one click away', async () => {
  const { page, problems } = await newPage();
  await signIn(page);
  const id = seeded.ids['Trần Thị Bình'];
  await page.goto(`${BASE}/members/${id}`);
  await page.getByRole('heading', { name: /Trần Thị Bình/ }).waitFor();

  await page.getByRole('navigation').getByRole('link', { name: 'Tổ chức đảng' }).click();
  await page.getByText('Tỉnh ủy Hòa Bình').waitFor();
  await page.getByRole('button', { name: '+' }).first().click();
  await page.getByText('Đảng ủy xã Tân Lạc').waitFor();
  await page.screenshot({ path: `${SHOTS}/06-organizations.png`, fullPage: true });

  await page.getByRole('button', { name: 'EN' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Members' }).click();
  await page.getByRole('columnheader', { name: 'Full name' }).waitFor();
  await page.screenshot({ path: `${SHOTS}/07-members-english.png`, fullPage: true });

  assert.deepEqual(problems, []);
  await page.close();
});
