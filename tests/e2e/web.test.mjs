// Browser tests of the web client against a real server with a seeded SQLite database
// (scripts/e2e.sh starts both). playwright-core drives Debian's Chromium; nothing is downloaded.
// Any console error or page error fails the test; screenshots of each screen go to $SCREENSHOTS.
// screens.mjs visits every screen at a desk and at phone sizes, each checked by axe-core.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { writeA11yReport } from './a11y.mjs';
import { screenTests, VIEWPORTS } from './screens.mjs';

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
  const ward = await org('Đảng ủy phường Kỳ Sơn', 'commune', province);
  const wardCell = await org('Chi bộ tổ dân phố 3', 'cell', ward);
  const other = await org('Tỉnh ủy Sơn La', 'province', null);
  const otherCommune = await org('Đảng ủy xã Mường La', 'commune', other);
  const otherCell = await org('Chi bộ bản Nà Sản', 'cell', otherCommune);
  const ids = {};
  const member = async (cellId, [full_name, gender, year, national_id]) => {
    const m = await api('POST', '/members', {
      organization_id: cellId, full_name, gender, birth_date: `${year}-04-12`, national_id,
      admission_decision_on: '2015-03-02', admission_decision_no: '12-QĐ/ĐU', ceremony_on: '2015-03-16',
      status: 'official', official_on: '2016-03-16', hometown: 'Xã Tân Lạc, tỉnh Hòa Bình',
    }, token);
    ids[full_name] = m.id;
  };
  for (const p of people) await member(cell, p);
  // Admitted in 1996: 30 years of party age by the next award occasion.
  await api('POST', '/members', {
    organization_id: cell, full_name: 'Đinh Văn Lão', gender: 'male', birth_date: '1960-02-02',
    national_id: '031060001008', admission_decision_on: '1996-01-10', ceremony_on: '1996-01-24',
    status: 'official', official_on: '1997-01-24',
  }, token).then((m) => { ids['Đinh Văn Lão'] = m.id; });
  for (const p of [['Vũ Thị Hà', 'female', 1982, '031182001005'], ['Bùi Văn Hải', 'male', 1983, '031083001006'],
    ['Ngô Thị Mai', 'female', 1986, '031186001007']]) await member(wardCell, p);
  const user = async (username, organization_id) => api('POST', '/users',
    { username, password: 'e2e-user-password', role: 'organizer', organization_id }, token);
  await user('to-chuc-hoa-binh', province);
  await user('to-chuc-son-la', other);
  return { token, province, commune, cell, ward, other, otherCell, ids };
}

/** A page of a context of its own (its own storage), at a size of VIEWPORTS (screens.mjs). */
async function newPage(viewport = 'desktop') {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'vi-VN' });
  const page = await context.newPage();
  page.on('close', () => context.close().catch(() => {}));
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return { page, problems };
}

async function signIn(page, username = 'admin', password = PASSWORD) {
  await page.goto(BASE);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Tổng quan' }).waitFor();
}

/** Signs out and waits for the sign-in form, so the next step never races the sign-out. */
async function signOut(page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByLabel('Tên đăng nhập').waitFor();
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
  writeA11yReport(SHOTS);
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
  // Vietnamese order, by given name: An, Bình, Cường, Dung, Hà, Hải, Lão, Mai.
  // (Other test files seed their own members in other provinces: only this file's are compared.)
  const mine = new Set(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Vũ Thị Hà', 'Bùi Văn Hải', 'Đinh Văn Lão', 'Ngô Thị Mai']);
  const names = (await page.locator('table.members tbody tr td:first-child').allInnerTexts()).filter((n) => mine.has(n));
  assert.deepEqual(names, ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung',
    'Vũ Thị Hà', 'Bùi Văn Hải', 'Đinh Văn Lão', 'Ngô Thị Mai']);

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
  await page.getByRole('listitem').filter({ hasText: 'Tỉnh ủy Hòa Bình' }).getByRole('button', { name: '+' }).first().click();
  await page.getByText('Đảng ủy xã Tân Lạc').waitFor();
  await page.screenshot({ path: `${SHOTS}/06-organizations.png`, fullPage: true });

  await page.getByRole('button', { name: 'EN' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Members' }).click();
  await page.getByRole('columnheader', { name: 'Full name' }).waitFor();
  await page.screenshot({ path: `${SHOTS}/07-members-english.png`, fullPage: true });

  assert.deepEqual(problems, []);
  await page.close();
});

test('code splitting: the sign-in and the member list need only the first module; a screen\'s code comes from this server when opened', async () => {
  // scripts/build-web.sh cuts the client at frontend/src/lazy.rs's split points.
  const { page, problems } = await newPage();
  const requested = [];
  page.on('request', (req) => requested.push(new URL(req.url())));
  const modules = () => requested.filter((u) => u.pathname.endsWith('.wasm')).map((u) => u.pathname.split('/').pop());
  await page.goto(BASE);
  await page.getByLabel('Tên đăng nhập').waitFor();
  assert.deepEqual(modules(), ['qldv-frontend_bg.wasm'], 'the sign-in form needs the first module alone');

  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
  assert.ok(modules().some((m) => m.startsWith('split_dashboard_area')), 'the dashboard\'s code is fetched on first use');
  assert.ok(!modules().some((m) => m.startsWith('split_member_area')), 'no other screen\'s code is fetched');

  const before = modules().length;
  await page.getByRole('navigation').getByRole('link', { name: 'Đảng viên' }).click();
  await page.locator('table.members tbody tr').first().waitFor();
  assert.equal(modules().length, before, 'the member list is in the first module');

  await page.getByRole('link', { name: 'Nguyễn Văn An' }).click();
  await page.getByRole('heading', { name: /Nguyễn Văn An/ }).waitFor();
  assert.ok(modules().some((m) => m.startsWith('split_member_area')), 'the member page\'s code is fetched on first use');

  const origin = new URL(BASE).origin;
  assert.deepEqual(requested.filter((u) => u.origin !== origin).map(String), [], 'everything comes from this server');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a crash of the client (a WebAssembly trap) shows a notice with a reload button, not a dead page', async () => {
  // The client's panics abort at once (scripts/build-web.sh): the browser reports a
  // WebAssembly.RuntimeError, as an error event or, inside a promise, an unhandled rejection.
  const { page, problems } = await newPage();
  await signIn(page);
  const notice = page.locator('#crashed');
  await page.evaluate(() => window.dispatchEvent(new ErrorEvent('error', { error: new Error('not the client') })));
  assert.equal(await notice.count(), 0, 'an error of another script is not a crash of the client');
  await page.evaluate(() => window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') })));
  await notice.waitFor();
  assert.match(await notice.innerText(), /Ứng dụng gặp lỗi không lường trước/);
  await notice.getByRole('button', { name: 'Tải lại trang' }).waitFor();
  assert.equal(await notice.count(), 1);
  await page.evaluate(() => document.getElementById('crashed').remove());
  await page.evaluate(() => window.dispatchEvent(new PromiseRejectionEvent('unhandledrejection', {
    promise: Promise.resolve(), reason: new WebAssembly.RuntimeError('unreachable'),
  })));
  await notice.waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('the sending province issues a transfer and the receiving province accepts it', async () => {
  const { page, problems } = await newPage();
  await signIn(page, 'to-chuc-hoa-binh', 'e2e-user-password');
  await page.goto(`${BASE}/members/${seeded.ids['Lê Văn Cường']}`);
  await page.getByRole('tab', { name: 'Chuyển sinh hoạt' }).click();
  await page.getByLabel('Mã tổ chức đảng').fill(String(seeded.otherCell));
  await page.getByLabel('Lý do').fill('Chuyển công tác về tỉnh Sơn La');
  await page.getByRole('button', { name: 'Giới thiệu chuyển sinh hoạt' }).click();
  // Named in full before it is sent (the receiving cell is outside this province: by its id).
  const confirm = page.getByRole('alertdialog');
  assert.equal((await confirm.locator('#confirm-text').innerText()).trim(),
    `Chuyển sinh hoạt chính thức đảng viên Lê Văn Cường từ Chi bộ thôn Đồng Bãi đến tổ chức đảng mã ${seeded.otherCell}?`);
  await confirm.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('status').waitFor();
  await page.getByRole('cell', { name: 'Chờ tiếp nhận' }).waitFor();
  await page.screenshot({ path: `${SHOTS}/08-transfer-issued.png`, fullPage: true });
  // Still counted once, in the sending cell, shown in transit.
  await page.getByRole('navigation').getByRole('link', { name: 'Chuyển sinh hoạt' }).click();
  await page.getByText('Lê Văn Cường').waitFor();
  await signOut(page);

  await signIn(page, 'to-chuc-son-la', 'e2e-user-password');
  // A read answered after the clerk has left its page changes nothing on the page shown (and
  // breaks nothing): the list's answer is held back until the transfers page is open.
  const list = (url) => url.pathname === '/api/v1/members';
  await page.route(list, async (route) => { await new Promise((r) => setTimeout(r, 300)); await route.continue(); });
  const listed = page.waitForResponse((r) => list(new URL(r.url())));
  await page.getByRole('navigation').getByRole('link', { name: 'Đảng viên' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Chuyển sinh hoạt' }).click();
  await listed;
  await page.unroute(list);
  const row = page.getByRole('row', { name: /Lê Văn Cường/ });
  await row.waitFor();
  await page.screenshot({ path: `${SHOTS}/09-transfer-inbox.png`, fullPage: true });
  await row.getByRole('button', { name: 'Tiếp nhận' }).click();
  // Named in full before it is sent (the sending cell is outside this province: by its id);
  // "Xem lại" sends nothing.
  const dialog = page.getByRole('alertdialog');
  assert.match((await dialog.locator('#confirm-text').innerText()).trim(),
    /^Tiếp nhận đảng viên Lê Văn Cường chuyển từ tổ chức đảng mã \d+ về .+, ngày nhận \d\d\/\d\d\/\d{4}\?/);
  await dialog.getByRole('button', { name: 'Xem lại' }).click();
  await dialog.waitFor({ state: 'detached' });
  const waiting = await api('GET', `/transfers?member_id=${seeded.ids['Lê Văn Cường']}`, undefined, seeded.token);
  assert.deepEqual(waiting.items.map((t) => t.status), ['pending'], 'nothing sent before the confirmation');
  assert.equal(await page.locator('table.members').count(), 0, 'the list left behind is not shown');
  // The decision is answered after the clerk has left the page: the write completes and the
  // page it came from, gone, is not touched.
  const accept = (url) => url.pathname.endsWith('/accept');
  await page.route(accept, async (route) => { await new Promise((r) => setTimeout(r, 300)); await route.continue(); });
  const answered = page.waitForResponse((r) => accept(new URL(r.url())));
  await row.getByRole('button', { name: 'Tiếp nhận' }).click();
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Tổng quan' }).click();
  await answered;
  await page.unroute(accept);
  const accepted = await api('GET', `/transfers?member_id=${seeded.ids['Lê Văn Cường']}`, undefined, seeded.token);
  assert.deepEqual(accepted.items.map((t) => t.status), ['accepted']);
  await page.getByRole('navigation').getByRole('link', { name: 'Đảng viên' }).click();
  await page.getByRole('link', { name: 'Lê Văn Cường' }).waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('an evaluation round refuses to close past the quota, then closes', async () => {
  const { page, problems } = await newPage();
  await signIn(page, 'to-chuc-hoa-binh', 'e2e-user-password');
  await page.goto(`${BASE}/evaluations?organization_id=${seeded.ward}`);
  const level = (name) => page.getByLabel(`Xếp loại ${name}`);
  await level('Vũ Thị Hà').waitFor();
  // Each choice is saved at once and the quota is recomputed live.
  await level('Vũ Thị Hà').selectOption('excellent');
  await page.getByTestId('quota').filter({ hasText: 'Tỷ lệ hoàn thành xuất sắc: 1 / 0' }).waitFor();
  await level('Bùi Văn Hải').selectOption('good');
  await page.getByTestId('quota').filter({ hasText: '1 / 0' }).waitFor();
  await level('Ngô Thị Mai').selectOption('good');
  await page.getByTestId('quota').filter({ hasText: '(20% × 2)' }).waitFor();
  await page.getByRole('button', { name: 'Khóa sổ đánh giá' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /vượt tỷ lệ 20%/);
  await page.screenshot({ path: `${SHOTS}/10-evaluation-quota.png`, fullPage: true });
  problems.length = 0; // the 422 of the refused close is expected in the console

  await level('Vũ Thị Hà').selectOption('good');
  await page.getByTestId('quota').filter({ hasText: '0 / 0' }).waitFor();
  await page.getByRole('button', { name: 'Khóa sổ đánh giá' }).click();
  await page.getByText('Đã khóa sổ đánh giá').waitFor();
  assert.equal(await level('Vũ Thị Hà').isDisabled(), true);
  await page.screenshot({ path: `${SHOTS}/11-evaluation-closed.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('badges: the eligibility list, a proposal, its approval', async () => {
  const { page, problems } = await newPage();
  await signIn(page, 'to-chuc-hoa-binh', 'e2e-user-password');
  await page.getByRole('navigation').getByRole('link', { name: 'Huy hiệu Đảng' }).click();
  const eligible = page.getByRole('row', { name: /Đinh Văn Lão/ });
  await eligible.waitFor();
  assert.match(await eligible.innerText(), /30 năm/);
  await page.screenshot({ path: `${SHOTS}/12-badges-eligible.png`, fullPage: true });
  await page.getByLabel('Chọn Đinh Văn Lão').check();
  await page.getByRole('button', { name: 'Đề nghị tặng Huy hiệu' }).click();
  await page.getByRole('status').filter({ hasText: '1 đề nghị' }).waitFor();
  await page.getByLabel('Duyệt Đinh Văn Lão').check();
  await page.getByLabel('Số quyết định').fill('88-QĐ/TU');
  // The decision is named in full before it is sent; "Xem lại" sends nothing.
  await page.getByRole('button', { name: 'Duyệt tặng' }).click();
  const dialog = page.getByRole('alertdialog');
  assert.equal((await dialog.locator('#confirm-text').innerText()).trim(),
    'Quyết định tặng Huy hiệu Đảng cho 1 đảng viên (Đinh Văn Lão), quyết định số 88-QĐ/TU? Các đề nghị được duyệt.');
  await dialog.getByRole('button', { name: 'Xem lại' }).click();
  await dialog.waitFor({ state: 'detached' });
  const waiting = await api('GET', `/badges/proposals?status=proposed&organization_id=${seeded.province}`, undefined, seeded.token);
  assert.equal(waiting.items.length, 1, 'nothing approved before the confirmation');
  await page.getByRole('button', { name: 'Duyệt tặng' }).click();
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('status').filter({ hasText: '1 Huy hiệu' }).waitFor();
  await page.getByText('Không có đảng viên đủ điều kiện cho dịp này.').waitFor();
  await page.screenshot({ path: `${SHOTS}/13-badges-approved.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('cards: the level above issues a card, then reissues it when lost', async () => {
  const { page, problems } = await newPage();
  await signIn(page, 'to-chuc-hoa-binh', 'e2e-user-password');
  await page.goto(`${BASE}/members/${seeded.ids['Nguyễn Văn An']}`);
  await page.getByRole('tab', { name: 'Thẻ đảng viên' }).click();
  await page.getByLabel('Số quyết định').fill('312-QĐ/TU');
  // Each decision is named in full before it is sent; "Xem lại" sends nothing.
  await page.getByRole('button', { name: 'Cấp thẻ đảng viên' }).click();
  const dialog = page.getByRole('alertdialog');
  assert.match((await dialog.locator('#confirm-text').innerText()).trim(),
    /^Cấp thẻ đảng viên cho đảng viên Nguyễn Văn An \(Chi bộ thôn Đồng Bãi\), quyết định số 312-QĐ\/TU, ngày cấp \d\d\/\d\d\/\d{4}\?$/);
  await dialog.getByRole('button', { name: 'Xem lại' }).click();
  await dialog.waitFor({ state: 'detached' });
  const cards = `/members/${seeded.ids['Nguyễn Văn An']}/cards`;
  assert.equal((await api('GET', cards, undefined, seeded.token)).items.length, 0, 'no card before the confirmation');
  await page.getByRole('button', { name: 'Cấp thẻ đảng viên' }).click();
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('cell', { name: 'Đang sử dụng' }).waitFor();
  await page.getByLabel('Lý do').selectOption('lost');
  await page.getByRole('button', { name: 'Cấp lại thẻ' }).click();
  assert.match((await dialog.locator('#confirm-text').innerText()).trim(),
    /^Cấp lại thẻ đảng viên cho đảng viên Nguyễn Văn An \(Chi bộ thôn Đồng Bãi\), lý do: bị mất, quyết định số 312-QĐ\/TU, ngày cấp \d\d\/\d\d\/\d{4}\? Thẻ đang sử dụng chuyển sang đã cấp lại\.$/);
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('cell', { name: 'Đã cấp lại' }).waitFor();
  await page.getByRole('cell', { name: 'Đang sử dụng' }).waitFor();
  await page.screenshot({ path: `${SHOTS}/14-member-cards.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('admission: field errors next to the fields, then the record; recognition too early is refused', async () => {
  const { page, problems } = await newPage();
  await signIn(page, 'to-chuc-hoa-binh', 'e2e-user-password');
  await page.getByRole('navigation').getByRole('link', { name: 'Đảng viên' }).click();
  await page.getByRole('link', { name: 'Kết nạp / nhập hồ sơ đảng viên' }).click();
  await page.getByLabel('Tổ chức đảng', { exact: true }).selectOption(String(seeded.cell));
  await page.getByLabel('Họ và tên').fill('Hà Văn Mới');
  await page.getByLabel('Ngày sinh').fill('1995-05-05');
  await page.getByLabel('Số CCCD').fill('031195001111'); // says female, the record says male
  // Admitted seven weeks ago, so that recognition today is too early whatever the date.
  const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
  await page.getByLabel('Ngày quyết định kết nạp').fill(day(-50));
  await page.getByLabel('Ngày lễ kết nạp').fill(day(-40));
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.locator('.field-error').first().waitFor();
  await page.screenshot({ path: `${SHOTS}/15-admission-errors.png`, fullPage: true });
  problems.length = 0; // the 422 is expected
  await page.getByLabel('Số CCCD').fill('031095001111');
  // The answer comes after the clerk has gone to the dashboard: the record is created, and the
  // clerk is not taken back to it.
  const created = (url) => url.pathname === '/api/v1/members';
  await page.route(created, async (route) => {
    if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 300));
    await route.continue();
  });
  const answered = page.waitForResponse((r) => created(new URL(r.url())) && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Tổng quan' }).click();
  const admitted = await (await answered).json();
  await page.unroute(created);
  // A negative check needs a moment: the client reads the answer after the response event.
  await page.waitForTimeout(200);
  assert.equal(new URL(page.url()).pathname, '/', 'still on the dashboard');
  await page.goto(`${BASE}/members/${admitted.id}`);
  await page.getByRole('heading', { name: /Hà Văn Mới/ }).waitFor();
  await page.getByText('Dự bị', { exact: true }).first().waitFor();

  await page.getByRole('tab', { name: 'Nghiệp vụ' }).click();
  const recognition = page.getByRole('form', { name: 'Công nhận đảng viên chính thức' });
  await recognition.getByLabel('Số quyết định').fill('40-QĐ/ĐU');
  await recognition.getByRole('button', { name: 'Lưu' }).click();
  // Recognition is named before it is sent.
  const confirm = page.getByRole('alertdialog');
  assert.equal((await confirm.locator('#confirm-text').innerText()).trim(),
    'Công nhận đảng viên Hà Văn Mới (Chi bộ thôn Đồng Bãi) là đảng viên chính thức? Hồ sơ chuyển sang trạng thái chính thức.');
  await confirm.getByRole('button', { name: 'Xác nhận' }).click();
  await recognition.getByRole('alert').waitFor();
  assert.match(await recognition.getByRole('alert').innerText(), /12 tháng|dự bị/i);
  await page.screenshot({ path: `${SHOTS}/16-member-decisions.png`, fullPage: true });
  await page.close();
});

test('a correction saved meanwhile by someone else is shown before anything is overwritten', async () => {
  const { page, problems } = await newPage();
  await signIn(page);
  const id = seeded.ids['Trần Thị Bình'];
  await page.goto(`${BASE}/members/${id}`);
  await page.getByRole('link', { name: 'Sửa hồ sơ' }).click();
  await page.waitForURL(`${BASE}/members/${id}/edit`);
  await page.getByLabel('Quê quán').fill('Xã Mường Khến, tỉnh Hòa Bình');
  // Another clerk saves a new phone number first.
  const current = await api('GET', `/members/${id}`, undefined, seeded.token);
  const res = await fetch(`${BASE}/api/v1/members/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${seeded.token}`, 'if-match': `"${current.version}"` },
    body: JSON.stringify({ phone: '0912345678' }),
  });
  assert.equal(res.status, 200);
  await page.getByRole('button', { name: 'Lưu' }).click();
  const conflict = page.getByTestId('conflict');
  await conflict.waitFor();
  assert.match(await conflict.innerText(), /Điện thoại\s+0912345678/);
  await page.screenshot({ path: `${SHOTS}/17-edit-conflict.png`, fullPage: true });
  problems.length = 0; // the 412 is expected
  // Saving again sends the correction on top of the other clerk's version: wait for its answer
  // (the comparison is hidden as soon as the button is pressed, before the server has answered).
  const retried = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(`/api/v1/members/${id}`));
  await page.getByRole('button', { name: 'Lưu' }).click();
  assert.equal((await retried).status(), 200);
  await conflict.waitFor({ state: 'detached' });
  const saved = await api('GET', `/members/${id}`, undefined, seeded.token);
  assert.equal(saved.hometown, 'Xã Mường Khến, tỉnh Hòa Bình');
  assert.equal(saved.phone, '0912345678');
  assert.deepEqual(problems, []);
  await page.close();
});

test('an administrator creates a viewer account, which can read but sees no user management', async () => {
  const { page, problems } = await newPage();
  await signIn(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Tài khoản người dùng' }).click();
  const form = page.getByRole('form', { name: 'Tạo tài khoản' });
  await form.getByLabel('Tên đăng nhập').fill('xem-hoa-binh');
  await form.getByLabel('Mật khẩu').fill('viewer-password-123');
  await form.getByLabel('Vai trò').selectOption('viewer');
  await form.getByLabel('Mã tổ chức đảng').fill(String(seeded.province));
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await page.getByRole('cell', { name: 'xem-hoa-binh' }).waitFor();
  await page.screenshot({ path: `${SHOTS}/18-users.png`, fullPage: true });
  await signOut(page);

  await signIn(page, 'xem-hoa-binh', 'viewer-password-123');
  await page.getByRole('navigation').getByRole('link', { name: 'Đảng viên' }).click();
  await page.locator('table.members tbody tr').first().waitFor();
  assert.equal(await page.getByRole('navigation').getByRole('link', { name: 'Tài khoản người dùng' }).count(), 0);
  // The user pages are protected routes: a viewer who types their address lands on the dashboard.
  await page.goto(`${BASE}/users`);
  await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the place is in the URL: search, filters and tabs survive a reload, back returns to the list', async () => {
  const { page, problems } = await newPage();
  await signIn(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Đảng viên' }).click();
  await page.locator('table.members tbody tr').first().waitFor();
  await page.getByLabel('Tìm kiếm').pressSequentially('thi', { delay: 40 });
  await page.getByLabel('Trạng thái').selectOption('official');
  await page.waitForURL(/[?&]q=thi/);
  await page.waitForURL(/[?&]status=official/);
  const onlyThi = async () => page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('table.members tbody tr td:first-child')].map((c) => c.innerText.trim());
    const ours = ['Trần Thị Bình', 'Phạm Thị Dung', 'Vũ Thị Hà', 'Ngô Thị Mai'];
    return rows.every((n) => / Thị /.test(n)) && ours.every((n) => rows.includes(n));
  });
  await onlyThi();
  // A reload keeps the search text, the filter and the list.
  await page.reload();
  await onlyThi();
  assert.equal(await page.getByLabel('Tìm kiếm').inputValue(), 'thi');
  assert.equal(await page.getByLabel('Trạng thái').inputValue(), 'official');

  // A member's tab is its own URL: open it, reload it, go back to the filtered list.
  await page.getByRole('link', { name: 'Trần Thị Bình' }).click();
  await page.getByRole('tab', { name: 'Lịch sử' }).click();
  const id = seeded.ids['Trần Thị Bình'];
  await page.waitForURL(`${BASE}/members/${id}/events`);
  await page.reload();
  await page.getByRole('tabpanel').getByRole('cell', { name: 'Kết nạp' }).waitFor();
  assert.equal(await page.getByRole('tab', { name: 'Lịch sử' }).getAttribute('aria-selected'), 'true');
  await page.goBack();
  await page.goBack();
  await onlyThi();

  // The language choice is remembered.
  await page.getByRole('button', { name: 'EN' }).click();
  await page.reload();
  await page.getByRole('navigation').getByRole('link', { name: 'Members' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByRole('button', { name: 'VI' }).click();
  assert.deepEqual(problems, []);
  await page.close();
});

test('the member list downloads as a CSV spreadsheet with Vietnamese headers', async () => {
  const { page, problems } = await newPage();
  await signIn(page, 'to-chuc-hoa-binh', 'e2e-user-password');
  await page.goto(`${BASE}/members?organization_id=${seeded.ward}`);
  await page.getByRole('link', { name: 'Vũ Thị Hà' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải danh sách (CSV)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'danh-sach-dang-vien.csv');
  const text = readFileSync(await download.path(), 'utf8');
  const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.match(lines[0], /^Họ và tên,Giới tính,Ngày sinh,Số CCCD/);
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]), ['Vũ Thị Hà', 'Bùi Văn Hải', 'Ngô Thị Mai']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a report shows on screen, matches the API, and downloads as Excel and CSV', async () => {
  const { page, problems } = await newPage();
  await signIn(page, 'to-chuc-hoa-binh', 'e2e-user-password');
  await page.getByRole('navigation').getByRole('link', { name: 'Báo cáo thống kê' }).click();
  await page.getByRole('heading', { name: 'Báo cáo thống kê' }).waitFor();
  await page.locator('#report-code').selectOption('composition');
  await page.locator('#report-org').selectOption(String(seeded.province));
  await page.getByRole('button', { name: 'Xem báo cáo' }).click();
  const report = page.getByTestId('report');
  await report.waitFor();
  await report.getByRole('heading', { name: 'Giới tính' }).waitFor();
  // The figures on screen are the API's.
  const json = await api('GET', `/reports/composition?organization_id=${seeded.province}`, undefined, seeded.token);
  const total = json.sections[0].rows.at(-1).values[0];
  const firstTable = report.locator('table').first();
  const totalRow = firstTable.getByRole('row', { name: /Tổng cộng/ });
  assert.equal((await totalRow.locator('td').first().innerText()).trim(), String(total));
  await page.screenshot({ path: `${SHOTS}/19-report-composition.png`, fullPage: true });

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải Excel' }).click(),
  ]);
  assert.equal(xlsx.suggestedFilename(), 'bao-cao-composition.xlsx');
  const bytes = readFileSync(await xlsx.path());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');

  await page.locator('#report-code').selectOption('movement');
  await page.locator('#report-from').waitFor();
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải CSV' }).click(),
  ]);
  const lines = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(lines[0], 'BÁO CÁO BIẾN ĐỘNG ĐẢNG VIÊN');
  assert.equal(lines[1], 'Tổ chức: Tỉnh ủy Hòa Bình');
  assert.ok(lines.some((l) => l.startsWith('Tổng cộng,')), lines.join('\n'));
  await page.getByRole('button', { name: 'Xem báo cáo' }).click();
  await page.getByTestId('report').getByRole('columnheader', { name: 'Đầu kỳ' }).waitFor();
  // The report shown is the URL's: a reload shows it again.
  await page.waitForURL(/[?&]code=movement/);
  await page.reload();
  await page.getByTestId('report').getByRole('columnheader', { name: 'Đầu kỳ' }).waitFor();
  assert.equal(await page.locator('#report-code').inputValue(), 'movement');
  await page.screenshot({ path: `${SHOTS}/20-report-movement.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('an import reports every bad row and writes nothing, then the corrected file goes in', async () => {
  const { page, problems } = await newPage();
  await signIn(page, 'to-chuc-hoa-binh', 'e2e-user-password');
  await page.getByRole('navigation').getByRole('link', { name: 'Nhập dữ liệu' }).click();
  await page.getByRole('heading', { name: 'Nhập dữ liệu' }).waitFor();
  const header = 'Họ và tên,Giới tính,Ngày sinh,Số CCCD,Ngày quyết định kết nạp,Ngày kết nạp,Ngày chính thức';
  const good = 'Hà Văn Nhập,Nam,15/01/1975,036075009001,07/03/2005,21/03/2005,21/03/2006';
  const bad = 'Lò Thị Sai,Nữ,31/02/1976,036176009002,07/03/2005,21/03/2005,21/03/2006';
  const upload = async (rows) => {
    await page.locator('#import-org').selectOption(String(seeded.cell));
    await page.locator('#import-file').setInputFiles({
      name: 'danh-sach.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${header}\r\n${rows.join('\r\n')}\r\n`),
    });
    await page.getByRole('button', { name: 'Bắt đầu nhập' }).click();
  };
  await upload([good, bad]);
  const status = page.getByTestId('import-status');
  await page.waitForFunction(() => /Không nhập được|Đã nhập xong/.test(document.querySelector('[data-testid=import-status]')?.textContent ?? ''));
  assert.equal(await status.innerText(), 'Không nhập được');
  const errors = page.getByTestId('import-errors');
  await errors.getByRole('cell', { name: 'Ngày sinh', exact: true }).waitFor();
  assert.match(await errors.innerText(), /31\/02\/1976/);
  await page.screenshot({ path: `${SHOTS}/21-import-errors.png`, fullPage: true });
  const found = await api('GET', `/members?organization_id=${seeded.cell}&q=ha%20van%20nhap`, undefined, seeded.token);
  assert.equal(found.items.length, 0, 'nothing written');

  await upload([good, bad.replace('31/02/1976', '28/02/1976')]);
  await page.waitForFunction(() => (document.querySelector('[data-testid=import-status]')?.textContent ?? '') === 'Đã nhập xong');
  assert.match(await page.getByTestId('import-job').innerText(), /Tạo mới: 2/);
  await page.screenshot({ path: `${SHOTS}/22-import-done.png`, fullPage: true });
  const after = await api('GET', `/members?organization_id=${seeded.cell}&q=ha%20van%20nhap`, undefined, seeded.token);
  assert.equal(after.items.length, 1);
  assert.deepEqual(problems, []);
  await page.close();
});

screenTests({ base: BASE, shots: SHOTS, password: PASSWORD, seeded: () => seeded, newPage });
