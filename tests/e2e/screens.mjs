// Every screen of the client at a desk and at two phone sizes, each photographed and checked by
// axe-core (a11y.mjs), the candidates' screens among them; a member tab opened from its own address; the back button; the member form
// printed to A4 by Chromium and read back.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkA11y } from './a11y.mjs';

/** The sizes every screen is seen at: a desk, and the two common phone sizes. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 860 },
  'phone-360': { width: 360, height: 740 },
  'phone-390': { width: 390, height: 844 },
};
/**
 * Where axe-core runs: the desk and the narrower phone. At 390 px the same markup meets the same
 * style rules as at 360 px (one phone breakpoint), so its findings would be the 360 px ones again.
 */
const AXE_AT = new Set(['desktop', 'phone-360']);

const NOT_FOUND = 'Không tìm thấy trang.';

/** Signs in through the form, whatever the navigation looks like at this size (a menu on phones). */
async function signIn(base, page, password) {
  await page.goto(base);
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByLabel('Mật khẩu').waitFor({ state: 'detached' });
  await page.locator('main h1').first().waitFor();
}

/** Follows a link to PATH inside the app, as a click on an anchor does: the router handles it. */
async function follow(page, path) {
  await page.evaluate((href) => {
    const a = document.createElement('a');
    a.href = href;
    document.body.append(a);
    a.click();
    a.remove();
  }, path);
}

/**
 * Counts the page's requests in flight from now on, and returns `settle`: a wait until no
 * request is in flight and no loading note is shown, and none starts in the next 30 ms (a read
 * that follows another). Event-driven: it returns as soon as the page is quiet, instead of
 * polling every 50 ms for two quiet polls.
 */
function watch(page) {
  let inflight = 0;
  let idle = [];
  const done = () => {
    inflight -= 1;
    if (inflight === 0) { for (const r of idle) r(); idle = []; }
  };
  page.on('request', () => { inflight += 1; });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  const quiet = () => (inflight === 0 ? Promise.resolve() : new Promise((r) => { idle.push(r); }));
  return async () => {
    for (let i = 0; i < 50; i += 1) {
      await quiet();
      await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
      await page.waitForTimeout(30);
      if (inflight === 0 && (await page.locator('.loading').count()) === 0) return;
    }
  };
}

/** A tab of the member page by its visible name (a tab button, or a link to the tab's route). */
function memberTab(page, name) {
  const tabs = page.getByRole('tablist');
  return tabs.getByRole('tab', { name, exact: true }).or(tabs.getByRole('link', { name, exact: true })).first();
}

/**
 * The screens in the order a clerk meets them: `path` is followed inside the app, then `tab` is
 * chosen on the member page (or `edit` pressed); `ready` is what must show before the photograph.
 */
function screens(seeded) {
  const an = seeded.ids['Nguyễn Văn An'];
  const heading = (name) => (page) => page.getByRole('heading', { name, level: 1 });
  const panel = (page) => page.getByRole('tabpanel');
  const member = (tab) => ({ path: `/members/${an}`, tab, ready: panel });
  return [
    ['dashboard', { path: '/', ready: heading('Tổng quan') }],
    ['members', { path: '/members', ready: (p) => p.locator('table.members tbody tr').first() }],
    ['member-new', { path: '/members/new', ready: heading('Kết nạp / nhập hồ sơ đảng viên') }],
    ['member', { path: `/members/${an}`, ready: (p) => p.getByText('031080001001') }],
    ['member-edit', { path: `/members/${an}`, edit: true, ready: (p) => p.getByLabel('Quê quán') }],
    ['member-history', member('Lịch sử')],
    ['member-evaluations', member('Đánh giá, xếp loại')],
    ['member-cards', member('Thẻ đảng viên')],
    ['member-badges', member('Huy hiệu Đảng')],
    ['member-transfers', member('Chuyển sinh hoạt')],
    ['member-disciplines', member('Kỷ luật')],
    ['member-actions', member('Nghiệp vụ')],
    ['member-year', member('Sinh hoạt, đảng phí')],
    ['transfers', { path: '/transfers', ready: heading('Chuyển sinh hoạt') }],
    // Developing new members (issue 22): the cell's pipeline, a new candidate, a file, targets.
    ['candidates', { path: `/candidates?organization_id=${seeded.cell}`, ready: heading('Quần chúng ưu tú theo giai đoạn') }],
    ['candidate-new', { path: `/candidates/new?organization_id=${seeded.cell}`, ready: (p) => p.getByLabel('Họ và tên') }],
    ['candidate', { path: `/candidates/${seeded.candidate}`, ready: (p) => p.locator('table.steps') }],
    ['targets', { path: `/targets?organization_id=${seeded.commune}&year=2024`, ready: heading('Chỉ tiêu kết nạp') }],
    ['evaluations', { path: `/evaluations?organization_id=${seeded.ward}`, ready: (p) => p.getByLabel('Xếp loại Vũ Thị Hà') }],
    ['badges', { path: '/badges', ready: heading('Huy hiệu Đảng') }],
    ['organizations', { path: '/organizations', ready: (p) => p.getByText('Tỉnh ủy Hòa Bình') }],
    ['cell-chooser', { path: '/cells/month', ready: heading('Sinh hoạt chi bộ') }],
    ['cell-month', { path: `/cells/${seeded.cell}/month`, ready: (p) => p.locator('ol.att-sheet li').first() }],
    ['cell-liaisons', { path: `/cells/${seeded.cell}/liaisons`, ready: (p) => p.getByText('Chưa có đảng viên nào được giới thiệu', { exact: false }) }],
    ['reports', { path: '/reports', ready: heading('Báo cáo thống kê') }],
    ['imports', { path: '/imports', ready: heading('Nhập dữ liệu') }],
    ['users', { path: '/users', ready: heading('Tài khoản người dùng') }],
    ['not-found', { path: '/no-such-screen', ready: (p) => p.getByText(NOT_FOUND) }],
  ];
}

/**
 * Registers the screen tests. `ctx`: base (the server), shots (the screenshot directory),
 * password (the administrator's), seeded() (the seeded records), newPage(viewport).
 */
export function screenTests(ctx) {
  const { base, shots, password, newPage } = ctx;

  /** Signs in at a size and visits every screen; returns the screens wider than the viewport. */
  async function tour(viewport) {
    const { page, problems } = await newPage(viewport);
    const settle = watch(page);
    const { width } = VIEWPORTS[viewport];
    const wide = [];
    let n = 0;
    const shoot = async (name) => {
      n += 1;
      await settle(page);
      const shot = `${viewport}/${String(n).padStart(2, '0')}-${name}`;
      await page.screenshot({ path: `${shots}/${shot}.png`, fullPage: true });
      if (AXE_AT.has(viewport)) await checkA11y(page, shot);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scroll > width) wide.push(`${name} (${scroll}px)`);
    };
    await page.goto(base);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await shoot('sign-in');
    await signIn(base, page, password);
    for (const [name, s] of screens(ctx.seeded())) {
      await follow(page, s.path);
      if (s.tab) await memberTab(page, s.tab).click();
      if (s.edit) await page.getByRole('button', { name: 'Sửa hồ sơ' }).or(page.getByRole('link', { name: 'Sửa hồ sơ' })).first().click();
      await s.ready(page).first().waitFor();
      await shoot(name);
    }
    assert.deepEqual(problems, [], `${viewport}: console errors`);
    await page.close();
    return wide;
  }

  /** A candidate of the seeded cell for the file's screen, made once through the API. */
  async function candidate() {
    const seeded = ctx.seeded();
    if (seeded.candidate) return;
    const res = await fetch(`${base}/api/v1/organizations/${seeded.cell}/candidates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${seeded.token}` },
      body: JSON.stringify({
        full_name: 'Đặng Thị Thu', gender: 'female', birth_date: '1998-06-20',
        national_id: '031198009001', source: 'youth_union', identified_on: '2024-01-10',
        youth_union_member: true, categories: ['worker'],
      }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    seeded.candidate = (await res.json()).id;
  }

  test('every screen at a desk and on phones: photographed, axe-core clean', async () => {
    await candidate();
    const sizes = Object.keys(VIEWPORTS);
    for (const v of sizes) mkdirSync(`${shots}/${v}`, { recursive: true });
    const wide = await Promise.all(sizes.map(tour));
    // Noted for the phone layout, not asserted here.
    console.log(`pages wider than the screen: ${sizes.map((v, i) => `${v}: ${wide[i].join(', ') || 'none'}`).join('; ')}`);
  });

  test('a member tab opens from its own address after sign-in; the back button retraces', async (t) => {
    const { seeded } = ctx;
    const id = seeded().ids['Trần Thị Bình'];
    const { page, problems } = await newPage('phone-390');
    await signIn(base, page, password);
    await page.goto(`${base}/members/${id}/events`);
    const history = page.getByRole('tabpanel').getByRole('table');
    await history.or(page.getByText(NOT_FOUND)).first().waitFor();
    const tabRoutes = (await page.getByText(NOT_FOUND).count()) === 0;
    if (tabRoutes) {
      // The history tab is the one shown, and selected.
      await page.getByRole('heading', { name: /Trần Thị Bình/ }).waitFor();
      await history.waitFor();
      assert.equal(await memberTab(page, 'Lịch sử').getAttribute('aria-selected'), 'true');
      await page.screenshot({ path: `${shots}/phone-390/00-deep-link-member-history.png`, fullPage: true });
      await checkA11y(page, 'phone-390/00-deep-link-member-history');
    }

    // The list, a search, a member and its history: back retraces each step, forward redoes it.
    await follow(page, '/members');
    await page.locator('table.members tbody tr').first().waitFor();
    await page.getByLabel('Tìm kiếm').fill('tran thi binh');
    await page.waitForFunction(() => document.querySelectorAll('table.members tbody tr').length === 1);
    await page.getByRole('link', { name: 'Trần Thị Bình' }).click();
    await page.getByText('031185001002').waitFor();
    await memberTab(page, 'Lịch sử').click();
    await history.waitFor();
    if (tabRoutes) {
      assert.match(page.url(), new RegExp(`/members/${id}/events$`));
      await page.goBack();
      await page.getByText('031185001002').waitFor();
      assert.match(page.url(), new RegExp(`/members/${id}$`));
    }
    await page.goBack();
    await page.locator('table.members tbody tr').first().waitFor();
    assert.match(page.url(), /\/members(\?.*)?$/);
    await page.goForward();
    await page.getByRole('heading', { name: /Trần Thị Bình/ }).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
    if (!tabRoutes) t.skip('/members/:id/events is not a route on this branch (nested member routes come with w-core)');
  });

  test('the member form prints on A4, with its text', async (t) => {
    const id = ctx.seeded().ids['Nguyễn Văn An'];
    const { page, problems } = await newPage('desktop');
    const settle = watch(page);
    await signIn(base, page, password);
    await page.goto(`${base}/members/${id}/print`);
    await page.getByText('031080001001').or(page.getByText(NOT_FOUND)).first().waitFor();
    if ((await page.getByText(NOT_FOUND).count()) > 0) {
      await page.close();
      t.skip('/members/:id/print is not a route on this branch (print pages come with w-ux)');
      return;
    }
    await settle(page);
    const dir = `${shots}/print`;
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: `${dir}/member-form-screen.png`, fullPage: true });
    await checkA11y(page, 'print/member-form-screen');
    const pdf = join(mkdtempSync(join(tmpdir(), 'qldv-print-')), 'member-form.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    // The pages as images to look at, and the text they carry.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdf, `${dir}/member-form-page`]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    assert.match(text, /Nguyễn Văn An/i);
    assert.match(text, /031080001001/);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }));
    assert.ok(pages >= 1 && pages <= 4, `${pages} pages`);
    assert.ok(Math.abs(Number(size[1]) - 595) < 2 && Math.abs(Number(size[2]) - 842) < 2, `A4: ${size[0]}`);
    assert.deepEqual(problems, []);
    await page.close();
  });
}
