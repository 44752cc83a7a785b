// Developing new members through the web client (issue 22): one candidate walked from
// identification to probationary member through the screens (pipeline, new candidate, the
// admission file step by step, the confirmations of the decision and the ceremony, a refusal
// shown at the form, a drop, the targets dashboard, the file printed), each screen
// photographed at a desk and on a 360 px phone and checked by axe-core (a11y.mjs). Its own
// organisations (Quảng Ninh), so it runs beside the other files against the same server.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as kit from './kit.mjs';
import { api, follow, signIn, PASSWORD } from './kit.mjs';

const SHOTS = kit.shotsDir('candidates');
const RECORD = 'Ghi nhận bước của hồ sơ';

let browser;
let seeded;

/** Quảng Ninh: a province, a commune, a cell with three official members (official since 2011). */
async function seed() {
  const { access_token: token } = await api('POST', '/auth/login', { username: 'admin', password: PASSWORD });
  const org = async (name, kind, parent_id) => (await api('POST', '/organizations', { name, kind, parent_id }, token)).id;
  const province = await org('Tỉnh ủy Quảng Ninh', 'province', null);
  const commune = await org('Đảng ủy xã Quảng La', 'commune', province);
  const cell = await org('Chi bộ thôn Đồng Vang', 'cell', commune);
  await org('Chi bộ thôn Khe Cát', 'cell', commune);
  const ids = {};
  for (const [full_name, gender, national_id] of [
    ['Lê Văn Ba', 'male', '022070002101'], ['Phạm Thị Tư', 'female', '022170002102'],
    ['Hoàng Văn Năm', 'male', '022070002103']]) {
    const m = await api('POST', '/members', {
      organization_id: cell, full_name, gender, birth_date: '1970-04-12', national_id,
      admission_decision_on: '2010-01-11', admission_decision_no: '7-QĐ/HU', ceremony_on: '2010-01-25',
      status: 'official', official_on: '2011-01-25',
    }, token);
    ids[full_name] = m.id;
  }
  // A second candidate, to be dropped.
  const other = await api('POST', `/organizations/${cell}/candidates`, {
    full_name: 'Vũ Văn Khải', gender: 'male', birth_date: '1998-09-02', national_id: '022098002109',
    source: 'veterans', identified_on: '2025-03-01',
  }, token);
  return { token, province, commune, cell, ids, other: other.id };
}

const newPage = (size) => kit.newPage(browser, size);

const shooter = (page, size) => kit.shooter(page, 'candidates', size);

/** Chooses the step KIND, types its date ON (dd/mm/yyyy), fills the rest with FILL, submits. */
async function record(page, kind, on, fill = async () => {}) {
  await page.locator('#step-kind').selectOption(kind);
  await page.locator('#step-on').fill(on);
  await fill();
  await page.getByRole('button', { name: RECORD }).click();
}

/** The step dated ON shows in the file's table (the file read again, its form new). */
async function recorded(page, on) {
  await page.locator('table.steps td', { hasText: on }).first().waitFor();
}

before(async () => {
  seeded = await seed();
  browser = await kit.launch();
});

after(async () => {
  await browser?.close();
});

test('a candidate walks from identification to probationary member through the screens', async () => {
  const { page, problems } = await newPage('desktop');
  const shoot = shooter(page, 'desktop');
  await signIn(page);
  const { cell, commune } = seeded;

  // The navigation leads to the pipeline; the cell's is chosen by its address.
  await page.locator('#main-nav').getByRole('link', { name: 'Quần chúng ưu tú' }).click();
  await follow(page, `/candidates?organization_id=${cell}`);
  await page.getByRole('heading', { name: 'Quần chúng ưu tú theo giai đoạn', level: 1 }).waitFor();
  await page.locator('table.candidates tr', { hasText: 'Vũ Văn Khải' }).waitFor();
  await shoot('pipeline');

  // A new candidate, from the pipeline's link.
  await page.getByRole('link', { name: 'Thêm quần chúng ưu tú' }).first().click();
  await page.getByRole('heading', { name: 'Thêm quần chúng ưu tú', level: 1 }).waitFor();
  await page.getByLabel('Họ và tên').fill('Hoàng Thị Mai Anh');
  await page.getByLabel('Giới tính').selectOption('female');
  await page.getByLabel('Ngày sinh').fill('10/05/1995');
  await page.getByLabel('Số CCCD').fill('022195002111');
  await page.getByLabel('Nguồn giới thiệu').selectOption('workplace');
  await page.getByLabel('Ngày chi bộ xác định').fill('10/01/2024');
  await page.getByLabel('Đối tượng theo nghề nghiệp').selectOption('worker');
  await shoot('candidate-new');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { name: /Hoàng Thị Mai Anh/, level: 1 }).waitFor();
  await page.locator('table.steps').waitFor();
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  await shoot('file-identified');

  // The file's steps, in order, each with its own fields.
  const { ids } = seeded;
  await record(page, 'helpers_assigned', '15/01/2024', async () => {
    await page.locator('#step-document_no').fill('1-NQ/CB');
    await page.locator('#step-helper_1').selectOption(String(ids['Lê Văn Ba']));
    await page.locator('#step-helper_2').selectOption(String(ids['Phạm Thị Tư']));
  });
  await recorded(page, '15/01/2024');
  await page.getByText('Lê Văn Ba, Phạm Thị Tư').first().waitFor();
  await record(page, 'awareness_course', '01/02/2024', () => page.locator('#step-document_no').fill('12/GCN'));
  await recorded(page, '01/02/2024');
  await record(page, 'application', '01/03/2024');
  await recorded(page, '01/03/2024');
  await record(page, 'personal_history', '15/03/2024');
  await recorded(page, '15/03/2024');
  await record(page, 'history_verified', '15/04/2024', () => page.locator('#step-document_no').fill('3-BC/CB'));
  await recorded(page, '15/04/2024');

  // The pipeline shows the file preparing, and what is due next.
  await follow(page, `/candidates?organization_id=${cell}`);
  await page.getByRole('heading', { name: /Đang hoàn thiện hồ sơ/ }).waitFor();
  const row = page.locator('table.candidates tr', { hasText: 'Hoàng Thị Mai Anh' });
  assert.match(await row.innerText(), /giới thiệu/i);
  await shoot('pipeline-preparing');
  await row.getByRole('link', { name: 'Hoàng Thị Mai Anh' }).click();
  await page.locator('table.steps').waitFor();

  // Eleven months together is refused: the server's reason shows at the form.
  await record(page, 'introduction', '02/05/2024', async () => {
    await page.locator('#step-introducer_id').selectOption(String(ids['Lê Văn Ba']));
    await page.locator('#step-together_since').fill('03/06/2023');
  });
  const refusal = page.locator('section.card .alert-box[role=alert]').first();
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /12/);
  problems.length = 0; // the 422 of the refusal is expected in the console
  await shoot('introduction-refused');
  await page.locator('#step-together_since').fill('02/05/2023');
  await page.getByRole('button', { name: RECORD }).click();
  await recorded(page, '02/05/2024');
  await record(page, 'introduction', '03/05/2024', async () => {
    await page.locator('#step-introducer_id').selectOption(String(ids['Phạm Thị Tư']));
    await page.locator('#step-together_since').fill('03/05/2023');
  });
  await recorded(page, '03/05/2024');
  await record(page, 'cell_resolution', '20/05/2024', async () => {
    await page.locator('#step-document_no').fill('5-NQ/CB');
    await page.locator('#step-vote_members').fill('3');
    await page.locator('#step-vote_agreeing').fill('3');
  });
  await recorded(page, '20/05/2024');
  await record(page, 'grassroots_resolution', '03/06/2024', async () => {
    await page.locator('#step-document_no').fill('20-NQ/ĐU');
    await page.locator('#step-vote_members').fill('7');
    await page.locator('#step-vote_agreeing').fill('5');
  });
  await recorded(page, '03/06/2024');
  await shoot('file-resolved');

  // The decision is named in full before it is recorded.
  await record(page, 'admission_decision', '01/07/2024', async () => {
    await page.locator('#step-document_no').fill('88-QĐ/HU');
    await page.locator('#step-received_on').fill('03/07/2024');
  });
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  assert.match(await dialog.locator('#confirm-text').innerText(),
    /quyết định kết nạp số 88-QĐ\/HU ngày 01\/07\/2024 cho quần chúng Hoàng Thị Mai Anh \(Chi bộ thôn Đồng Vang\)/);
  await shoot('confirm-decision');
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await recorded(page, '01/07/2024');

  await record(page, 'ceremony', '20/07/2024');
  await dialog.waitFor();
  assert.match(await dialog.locator('#confirm-text').innerText(), /lễ kết nạp quần chúng Hoàng Thị Mai Anh .* đảng viên dự bị/);
  await shoot('confirm-ceremony');
  // "Xem lại" sends nothing.
  await dialog.getByRole('button', { name: 'Xem lại' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal((await api('GET', `/candidates/${id}`, undefined, seeded.token)).status, 'candidate');
  await page.getByRole('button', { name: RECORD }).click();
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await recorded(page, '20/07/2024');
  await page.getByRole('link', { name: 'Hồ sơ', exact: true }).waitFor();
  await shoot('file-admitted');
  const member = await api('GET', `/members/${id}`, undefined, seeded.token);
  assert.equal(member.status, 'probationary');
  assert.equal(member.admission_decision_on, '2024-07-01');
  assert.equal(member.ceremony_on, '2024-07-20');

  // Printed: the forms stay off the paper, the file and the signatures print.
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${SHOTS}/desktop/print-file.png`, fullPage: true });
  assert.equal(await page.getByRole('button', { name: RECORD }).count(), 0, 'the file is closed');
  await page.emulateMedia({ media: 'screen' });

  // The commune's target for 2024 and its progress.
  await follow(page, `/targets?organization_id=${commune}&year=2024`);
  await page.getByText('Chưa ghi chỉ tiêu cho năm này.').waitFor();
  await page.locator('#target-target').fill('5');
  await page.locator('#target-resolution_no').fill('01-NQ/ĐH');
  await page.locator('#target-resolution_on').fill('18/07/2020');
  await page.getByRole('button', { name: 'Ghi chỉ tiêu' }).click();
  await page.getByText('20,00 %').or(page.getByText('20.00 %')).first().waitFor();
  const child = page.locator('table.targets tr', { hasText: 'Chi bộ thôn Đồng Vang' });
  assert.match(await child.innerText(), /1/);
  await shoot('targets');

  // Dropping the other candidate is confirmed with the reason.
  await follow(page, `/candidates/${seeded.other}`);
  await page.getByRole('heading', { name: /Vũ Văn Khải/, level: 1 }).waitFor();
  await page.locator('details summary', { hasText: 'Thôi theo dõi' }).click();
  await page.locator('#drop-reason').selectOption('moved_away');
  await page.locator('#drop-on').fill('01/06/2025');
  await page.locator('details form').getByRole('button', { name: 'Thôi theo dõi' }).click();
  await dialog.waitFor();
  assert.match(await dialog.locator('#confirm-text').innerText(), /Thôi theo dõi quần chúng Vũ Văn Khải .*chuyển/);
  await shoot('confirm-drop');
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await page.locator('.alert-box', { hasText: '01/06/2025' }).waitFor();
  await shoot('file-dropped');
  assert.equal((await api('GET', `/candidates/${seeded.other}`, undefined, seeded.token)).stage, 'dropped');
  assert.deepEqual(problems, []);
  await page.close();
});

test('on a 360 px phone: the pipeline, the new candidate, the file and the targets', async () => {
  const { page, problems } = await newPage('phone-360');
  const shoot = shooter(page, 'phone-360');
  await signIn(page);
  const { cell, commune } = seeded;
  const { items } = await api('GET', `/organizations/${cell}/candidates`, undefined, seeded.token);
  await follow(page, `/candidates?organization_id=${cell}`);
  await page.locator('table.candidates').first().waitFor().catch(() => {});
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await shoot('pipeline');
  await follow(page, `/candidates/new?organization_id=${cell}`);
  await page.getByLabel('Họ và tên').waitFor();
  await shoot('candidate-new');
  const admitted = (await api('GET', `/members?organization_id=${cell}&q=hoang%20thi%20mai%20anh`, undefined, seeded.token)).items[0];
  for (const [name, id] of [['file-admitted', admitted.id], ['file-dropped', seeded.other], ...items.map((c) => ['file-open', c.id])]) {
    await follow(page, `/candidates/${id}`);
    await page.locator('table.steps').waitFor();
    await shoot(name);
  }
  await follow(page, `/targets?organization_id=${commune}&year=2024`);
  await page.locator('table.targets').waitFor();
  await shoot('targets');
  assert.deepEqual(problems, []);
  await page.close();
});
