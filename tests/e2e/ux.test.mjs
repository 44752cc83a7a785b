// Browser tests of the clerk's aids (issue 21, "What a clerk expects"): dates typed dd/mm/yyyy,
// the organisation search without diacritics, confirmations that name what will happen, the
// evaluation score, breadcrumbs and alerts that lead to what clears them, a phone's 360 px, and
// the official papers printed to A4 PDF by headless Chromium. Its own organisations and accounts
// (Hà Nội), so it runs beside web.test.mjs against the same server.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
const PASSWORD = process.env.ADMIN_PASSWORD ?? 'admin';
const SHOTS = process.env.SCREENSHOTS ?? 'screenshots';
mkdirSync(SHOTS, { recursive: true });
const USER = 'bi-thu-ha-noi';
const USER_PASSWORD = 'ux-user-password';

let browser;
let seeded;

async function api(method, path, body, token) {
  const res = await fetch(`${BASE}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Hà Nội: a city, a ward with two cells and an empty one, members, one of them overdue. */
async function seed() {
  const { access_token: token } = await api('POST', '/auth/login', { username: 'admin', password: PASSWORD });
  const org = async (name, kind, parent_id) => (await api('POST', '/organizations', { name, kind, parent_id }, token)).id;
  const city = await org('Thành ủy Hà Nội', 'province', null);
  const ward = await org('Đảng ủy phường Hà Đông', 'commune', city);
  const cell = await org('Chi bộ khu phố Văn Quán', 'cell', ward);
  const cell5 = await org('Chi bộ tổ dân phố 5', 'cell', ward);
  const empty = await org('Chi bộ khu phố Mộ Lao', 'cell', ward);
  const ids = {};
  const member = async (organization_id, full_name, gender, national_id, extra = {}) => {
    const m = await api('POST', '/members', {
      organization_id, full_name, gender, birth_date: '1984-06-15', national_id,
      admission_decision_on: '2012-03-02', admission_decision_no: '21-QĐ/ĐU', ceremony_on: '2012-03-16',
      status: 'official', official_on: '2013-03-16', hometown: 'Phường Hà Đông, Hà Nội',
      // Each record its own personal-history number (6 digits and the province's letters).
      personal_history_no: `${national_id.slice(-6)}HN`, ...extra,
    }, token);
    ids[full_name] = m.id;
  };
  await member(cell, 'Đỗ Văn Khoa', 'male', '001084001201');
  await member(cell, 'Lương Thị Lan', 'female', '001184001202');
  // Probation ended long ago without a recognition decision: an alert (rule 3).
  await member(cell, 'Tạ Văn Quý', 'male', '001084001203', {
    status: 'probationary', official_on: undefined,
    admission_decision_on: '2024-01-10', ceremony_on: '2024-01-20',
  });
  await api('POST', '/users', { username: USER, password: USER_PASSWORD, role: 'organizer', organization_id: city }, token);
  return { token, city, ward, cell, cell5, empty, ids };
}

async function newPage(viewport = { width: 1280, height: 860 }) {
  const page = await browser.newPage({ viewport, locale: 'vi-VN' });
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return { page, problems };
}

async function signIn(page) {
  await page.goto(BASE);
  // Keyboard first: the user name has the focus; Enter signs in.
  await page.getByLabel('Tên đăng nhập').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'username');
  await page.keyboard.type(USER);
  await page.getByLabel('Mật khẩu').fill(USER_PASSWORD);
  await page.getByLabel('Mật khẩu').press('Enter');
  // Signed in: the navigation is there (folded away behind the menu on a phone, where no role
  // query can see it).
  await page.locator('#main-nav a[href="/"]').waitFor({ state: 'attached' });
}

/** The page is no wider than the screen: nothing scrolls sideways. */
async function assertNoSidewaysScroll(page, what) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, width: window.innerWidth,
  }));
  assert.ok(scroll <= width, `${what}: ${scroll} px of content on a ${width} px screen`);
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

test('fast entry: the ward found as "ha dong", dates typed dd/mm/yyyy, 31/02 refused, Enter saves', async () => {
  const { page, problems } = await newPage();
  await signIn(page);
  await page.goto(`${BASE}/members/new`);
  // The organisation's search has the focus; Enter takes the first match.
  await page.waitForFunction(() => document.activeElement?.id === 'f-organization_id-search');
  // The scope's organisations are read once per session: wait until they are offered.
  await page.locator(`#f-organization_id option[value="${seeded.cell}"]`).waitFor({ state: 'attached' });
  await page.keyboard.type('van quan');
  await page.keyboard.press('Enter');
  assert.equal(await page.getByLabel('Tổ chức đảng', { exact: true }).inputValue(), String(seeded.cell));
  await page.getByLabel('Tìm tổ chức theo tên').fill('ha dong');
  const options = await page.locator('#f-organization_id option').allInnerTexts();
  assert.ok(options.some((o) => o.startsWith('Đảng ủy phường Hà Đông')), options.join(' | '));
  assert.ok(!options.some((o) => o.includes('Mộ Lao')), options.join(' | '));

  await page.getByLabel('Họ và tên').fill('Kiều Văn Nhập');
  const birth = page.getByLabel('Ngày sinh');
  assert.equal(await birth.getAttribute('placeholder'), 'ngày/tháng/năm');
  await birth.fill('31/02/1990');
  await birth.blur();
  await page.getByText('Không có ngày này trong lịch').waitFor();
  assert.equal(await birth.getAttribute('aria-invalid'), 'true');
  await page.screenshot({ path: `${SHOTS}/ux-01-date-refused.png`, fullPage: true });
  await birth.fill('1/2/1990');
  await birth.blur();
  assert.equal(await birth.inputValue(), '01/02/1990');
  await page.getByLabel('Số CCCD').fill('001090001299');
  await page.getByLabel('Ngày quyết định kết nạp').fill('02032015');
  await page.getByLabel('Ngày lễ kết nạp').fill('16/3/2015');
  await page.getByLabel('Trạng thái').selectOption('official');
  const official = page.getByLabel('Ngày chính thức');
  await official.fill('16/03/2016');
  await official.press('ArrowUp'); // ↑ moves a day on
  assert.equal(await official.inputValue(), '17/03/2016');
  await official.press('ArrowDown');
  await official.press('Enter');
  await page.getByRole('heading', { name: /Kiều Văn Nhập/ }).waitFor();
  const saved = await api('GET', `/members?organization_id=${seeded.cell}&q=kieu%20van%20nhap`, undefined, seeded.token);
  assert.equal(saved.items[0].birth_date, '1990-02-01');
  assert.equal(saved.items[0].official_on, '2016-03-16');
  await page.getByText('01/02/1990').waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('a transfer is named in full before it is sent, and "Xem lại" sends nothing', async () => {
  const { page, problems } = await newPage();
  await signIn(page);
  const id = seeded.ids['Lương Thị Lan'];
  await page.goto(`${BASE}/members/${id}/transfers`);
  await page.getByLabel('Mã tổ chức đảng').fill(String(seeded.cell5));
  await page.getByLabel('Lý do').fill('Chuyển nơi cư trú');
  await page.getByRole('button', { name: 'Giới thiệu chuyển sinh hoạt' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  assert.equal((await dialog.locator('#confirm-text').innerText()).trim(),
    'Chuyển sinh hoạt chính thức đảng viên Lương Thị Lan từ Chi bộ khu phố Văn Quán đến Chi bộ tổ dân phố 5?');
  await page.screenshot({ path: `${SHOTS}/ux-02-confirm-transfer.png`, fullPage: true });
  await dialog.getByRole('button', { name: 'Xem lại' }).click();
  await dialog.waitFor({ state: 'detached' });
  const none = await api('GET', `/transfers?member_id=${id}`, undefined, seeded.token);
  assert.equal(none.items.length, 0, 'nothing sent before the confirmation');
  await page.getByRole('button', { name: 'Giới thiệu chuyển sinh hoạt' }).click();
  await page.getByRole('alertdialog').waitFor();
  await page.keyboard.press('Enter'); // the confirming button has the focus
  await page.getByRole('status').waitFor();
  const sent = await api('GET', `/transfers?member_id=${id}`, undefined, seeded.token);
  assert.equal(sent.items.length, 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the round takes the 2025 score beside the level; an empty cell shows "—", not 100 %', async () => {
  const { page, problems } = await newPage();
  await signIn(page);
  await page.goto(`${BASE}/evaluations?organization_id=${seeded.cell}`);
  await page.getByLabel('Xếp loại Đỗ Văn Khoa').waitFor();
  await page.getByLabel('Xếp loại Đỗ Văn Khoa').selectOption('good');
  const score = page.getByLabel('Điểm Đỗ Văn Khoa', { exact: true });
  await score.fill('82');
  const put = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes(`/members/${seeded.ids['Đỗ Văn Khoa']}/evaluations/`));
  await score.press('Enter');
  await score.blur();
  const res = await put;
  const year = new Date().getFullYear();
  if (res.status() === 200) {
    const list = await api('GET', `/members/${seeded.ids['Đỗ Văn Khoa']}/evaluations`, undefined, seeded.token);
    assert.equal(list.items.find((e) => e.year === year)?.score, 82);
  } else {
    // A year judged under a regulation without the 100-point scale says so next to the row.
    await page.getByRole('alert').waitFor();
  }
  // Breadcrumbs: the city, the ward, the cell.
  const crumbs = page.getByRole('navigation', { name: 'Vị trí trong cây tổ chức' });
  assert.deepEqual((await crumbs.getByRole('listitem').allInnerTexts()).map((s) => s.trim()),
    ['Thành ủy Hà Nội', 'Đảng ủy phường Hà Đông', 'Chi bộ khu phố Văn Quán']);
  await page.screenshot({ path: `${SHOTS}/ux-03-evaluation-score.png`, fullPage: true });

  await page.goto(`${BASE}/evaluations?organization_id=${seeded.empty}`);
  await page.getByText('Không có đảng viên phải đánh giá').waitFor();
  const coverage = page.locator('.stat').nth(3);
  assert.equal((await coverage.innerText()).trim(), '—');
  problems.splice(0, problems.length, ...problems.filter((p) => !/status of 422/.test(p)));
  assert.deepEqual(problems, []);
  await page.close();
});

test('an alert leads to the member and to the decision that clears it', async () => {
  const { page, problems } = await newPage();
  await signIn(page);
  const row = page.getByRole('row', { name: /Tạ Văn Quý/ });
  await row.waitFor();
  await page.screenshot({ path: `${SHOTS}/ux-04-dashboard-alerts.png`, fullPage: true });
  assert.equal(await row.getByRole('link', { name: 'Tạ Văn Quý' }).getAttribute('href'), `/members/${seeded.ids['Tạ Văn Quý']}`);
  await row.getByRole('link', { name: 'Xét công nhận chính thức' }).click();
  await page.getByRole('tab', { name: 'Nghiệp vụ', selected: true }).waitFor();
  await page.getByRole('form', { name: 'Công nhận đảng viên chính thức' }).waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('on a 360 px phone: the menu folds away and nothing scrolls sideways', async () => {
  const { page, problems } = await newPage({ width: 360, height: 740 });
  await signIn(page);
  await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
  await page.locator('.dashboard-alerts').waitFor();
  const header = await page.locator('header.top').boundingBox();
  assert.ok(header.height <= 64, `the header takes ${header.height} px`);
  assert.equal(await page.locator('#main-nav').isVisible(), false);
  await assertNoSidewaysScroll(page, 'dashboard');
  await page.screenshot({ path: `${SHOTS}/ux-05-phone-dashboard.png`, fullPage: true });

  const menu = page.getByRole('button', { name: 'Danh mục' });
  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await page.screenshot({ path: `${SHOTS}/ux-06-phone-menu.png` });
  await page.locator('#main-nav').getByRole('link', { name: 'Đảng viên' }).click();
  await page.locator('table.members tbody tr').first().waitFor();
  assert.equal(await page.locator('#main-nav').isVisible(), false, 'the menu closes once a page is chosen');
  await assertNoSidewaysScroll(page, 'member list');
  await page.screenshot({ path: `${SHOTS}/ux-07-phone-members.png`, fullPage: true });

  await page.getByRole('link', { name: 'Đỗ Văn Khoa' }).click();
  await page.getByText('001084001201').waitFor();
  await assertNoSidewaysScroll(page, 'member dossier');
  await page.screenshot({ path: `${SHOTS}/ux-08-phone-member.png`, fullPage: true });
  await page.getByRole('tab', { name: 'Lịch sử' }).click();
  await page.getByRole('tabpanel').getByRole('table').waitFor();
  await assertNoSidewaysScroll(page, 'member history');
  await page.screenshot({ path: `${SHOTS}/ux-09-phone-history.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

/** Counts the pages of a PDF (its page objects). */
function pdfPages(path) {
  const text = readFileSync(path).toString('latin1');
  assert.ok(text.startsWith('%PDF-'), `${path} is a PDF`);
  return (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

test('the member form and a report print on A4 with the party heading and signatures', async () => {
  const { page, problems } = await newPage({ width: 900, height: 1200 });
  await signIn(page);
  const id = seeded.ids['Đỗ Văn Khoa'];
  await page.goto(`${BASE}/members/${id}`);
  await page.getByRole('link', { name: 'In phiếu đảng viên' }).click();
  const form = page.getByTestId('member-form');
  await form.waitFor();
  await form.getByText('ĐẢNG CỘNG SẢN VIỆT NAM').waitFor();
  assert.match(await form.innerText(), /ĐẢNG ỦY PHƯỜNG HÀ ĐÔNG[\s\S]*CHI BỘ KHU PHỐ VĂN QUÁN/);
  assert.match(await form.innerText(), /PHIẾU ĐẢNG VIÊN/);
  assert.match(await form.innerText(), /ĐỖ VĂN KHOA/);
  assert.match(await form.innerText(), /NGƯỜI KHAI/);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${SHOTS}/ux-10-member-form-print.png`, fullPage: true });
  await page.pdf({ path: `${SHOTS}/ux-member-form.pdf`, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const pages = pdfPages(`${SHOTS}/ux-member-form.pdf`);
  assert.ok(pages >= 1 && pages <= 2, `the member form takes ${pages} A4 pages`);
  await page.emulateMedia({ media: 'screen' });

  await page.goto(`${BASE}/reports/composition/print?organization_id=${seeded.ward}`);
  const report = page.getByTestId('report-paper');
  await report.waitFor();
  await report.getByRole('heading', { name: 'Giới tính' }).waitFor();
  assert.match(await report.innerText(), /THÀNH ỦY HÀ NỘI[\s\S]*ĐẢNG ỦY PHƯỜNG HÀ ĐÔNG/);
  assert.match(await report.innerText(), /NGƯỜI LẬP BIỂU/);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${SHOTS}/ux-11-report-print.png`, fullPage: true });
  await page.pdf({ path: `${SHOTS}/ux-report.pdf`, format: 'A4', printBackground: true, preferCSSPageSize: true });
  assert.ok(pdfPages(`${SHOTS}/ux-report.pdf`) >= 1);
  assert.deepEqual(problems, []);
  await page.close();
});
