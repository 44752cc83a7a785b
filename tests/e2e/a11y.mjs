// Accessibility checks of the browser tests: axe-core (from node_modules, never a CDN) run on a
// screen as it is; any serious or critical violation fails the test, lesser ones are recorded and
// written to $SCREENSHOTS/axe.json with the screens they were found on.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Evaluated in the page: CDP evaluation is not subject to the client's Content-Security-Policy,
// and the single-page app keeps it across its own navigation.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING = new Set(['serious', 'critical']);
const findings = [];

/** The violations axe-core finds on the page as it is now (rule, impact, first few elements). */
export async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

/** Checks the screen NAME: fails on serious or critical violations, records the others. */
export async function checkA11y(page, name) {
  const violations = await axe(page);
  if (violations.length) findings.push({ screen: name, url: page.url(), violations });
  const blocking = violations.filter((v) => BLOCKING.has(v.impact));
  assert.deepEqual(blocking, [], `${name}: serious or critical accessibility violations`);
}

/** Writes what was found to DIR/axe.json and prints a count per rule. */
export function writeA11yReport(dir) {
  findings.sort((a, b) => a.screen.localeCompare(b.screen));
  writeFileSync(`${dir}/axe.json`, `${JSON.stringify(findings, null, 1)}\n`);
  const counts = {};
  for (const f of findings) {
    for (const v of f.violations) counts[`${v.impact} ${v.id}`] = (counts[`${v.impact} ${v.id}`] ?? 0) + 1;
  }
  console.log(`axe-core: ${findings.length} screen(s) with findings`, counts);
}
