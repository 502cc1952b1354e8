// Presentation mode and print pack (issue 8): every slide stepped through by keyboard with
// each headline figure checked against the model (the mtfp CLI), screenshots at 1280×720
// and 1920×1080, axe-core on the mode, and the print pack printed to PDF by headless
// Chromium, its pages turned into images and checked.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  MINUS, ROOT, accessibilityViolations, assertClean, count, group, launch, millions, mtfp as cli, openApp, pence,
  roundHalfAway, screenshot,
} from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// Pounds, pence and weekly sums as the slides write them (millions and counts: lib.mjs).
function poundsFromPence(p) {
  const sign = p < 0 ? MINUS : '';
  const abs = Math.abs(p);
  return `${sign}£${group(String(Math.floor(abs / 100)))}.${String(abs % 100).padStart(2, '0')}`;
}
const pounds = (s) => poundsFromPence(pence(s));
/** A weekly sum as the slides say it: "29p" under a pound. */
const spoken = (p) => (Math.abs(p) < 100 ? `${p}p` : poundsFromPence(p));
const perWeek = (p) => roundHalfAway(p / 52);

/** What the model says each slide must show, from the CLI. */
function expectations() {
  const project = cli('project');
  const uplift = cli('uplift');
  const collab = cli('collaborations');
  const capital = cli('capital');
  const sens = cli('sensitivity');
  const savings = cli('savings');
  const reserves = cli('reserves');
  const years = project.years;
  const year = years.find((y) => pence(y.gap) >= 5_000_000) ?? years.at(-1);
  const last = years.at(-1);
  const first = years[0];
  const pr = year.precept;
  const solve = cli('solve', '--target', 'cumulative-gap', '--lever', 'precept-gbp', '--from', year.year);
  const risePence = pence(pr.rise_gbp);
  const bandD = pence(pr.band_d);
  const previousD = bandD - risePence;
  const bands = [['A', 6], ['B', 7], ['C', 8], ['D', 9], ['E', 11], ['F', 13], ['G', 15], ['H', 18]].map(([band, n]) => {
    // Exact in pence: Band D × n ÷ 9, rounded once (halves away from zero).
    const annual = roundHalfAway((bandD * n) / 9);
    const rise = annual - roundHalfAway((previousD * n) / 9);
    return {
      band,
      annual: poundsFromPence(annual),
      rise: poundsFromPence(rise),
      weekly: poundsFromPence(perWeek(annual)),
      riseWeekly: poundsFromPence(perWeek(rise)),
    };
  });
  const lastUplift = uplift.at(-1);
  const atRisk = uplift.reduce((sum, r) => sum + pence(r.grant_at_risk), 0);
  let cost = 0;
  let planned = 0;
  let realised = 0;
  for (const y of collab.plan_years) {
    const t = collab.projection.totals[y];
    cost += pence(t.contribution) + pence(t.capital_financing);
    planned += pence(t.savings_planned);
    realised += pence(t.savings_realised);
  }
  const m = (p) => millions(String(p / 100));
  const capLast = capital.years.at(-1);
  const capSpend = capital.years.reduce((sum, y) => sum + pence(y.capital_spend), 0);
  const sv = savings.years.at(-1);
  const rv = reserves.years.at(-1);
  const below = reserves.years.find((y) => y.below_minimum);
  const red = reserves.years[0].indicators.filter((_, i) => reserves.years.some((y) => y.indicators[i].rag === 'red')).length;
  return {
    year: year.year,
    last: { year: last.year, gap: millions(last.gap), bandD: pounds(last.precept.band_d) },
    bands,
    slides: {
      'gap-year': {
        finding: new RegExp(`^In ${year.year.replace('/', '\\/')} `),
        figures: { 'annual-gap': millions(year.gap), spending: millions(year.total_expenditure), funding: millions(year.total_funding) },
      },
      'gap-plan': {
        finding: new RegExp(`${millions(last.cumulative_gap)} by ${last.year.replace('/', '\\/')}`),
        figures: { 'cumulative-gap': millions(last.cumulative_gap), 'recurring-gap': millions(last.recurring_gap) },
        chart: true,
      },
      precept: {
        finding: new RegExp(`${pounds(pr.rise_gbp).replace('.', '\\.')} more a year: ${spoken(perWeek(risePence)).replace('.', '\\.')} a week`),
        figures: {
          'band-d-rise': pounds(pr.rise_gbp),
          'band-d-rise-week': poundsFromPence(perWeek(risePence)),
          'band-d': pounds(pr.band_d),
          'band-d-week': pounds(pr.band_d_per_week),
        },
      },
      bands: {
        finding: /Band A .* Band H/,
        figures: {},
      },
      uplift: {
        finding: /Uplift target/,
        figures: { officers: count(lastUplift.actual), 'uplift-target': count(lastUplift.target), 'grant-at-risk': m(atRisk) },
        chart: true,
      },
      collaborations: {
        finding: new RegExp(`^Collaborations cost us ${m(cost).replace('.', '\\.')} over the plan`),
        figures: { 'collab-cost': m(cost), 'collab-planned': m(planned), 'collab-realised': m(realised) },
        chart: true,
      },
      reserves: {
        finding: new RegExp(`ends ${last.year.replace('/', '\\/')} at ${millions(last.reserves.general).replace('.', '\\.')}$`),
        figures: { 'reserves-end': millions(last.reserves.general), 'floor-end': millions(last.reserves.floor) },
        chart: true,
      },
      capital: {
        finding: new RegExp(`^Borrowing for capital costs ${millions(capLast.financing_costs).replace('.', '\\.')} a year in MRP and interest by ${capLast.year.replace('/', '\\/')} \\(${capLast.financing_cost_pct.replace('.', '\\.')}% of the net revenue stream\\)$`),
        figures: {
          'capital-financing': millions(capLast.financing_costs),
          'capital-spend': m(capSpend),
          cfr: millions(capLast.cfr),
          'financing-cost-pct': `${capLast.financing_cost_pct}%`,
        },
        chart: true,
      },
      savings: {
        finding: new RegExp(`^${millions(sv.at_risk_to_date).replace('.', '\\.')} of the savings planned is at risk, taking the gaps to ${last.year.replace('/', '\\/')} from ${millions(sv.cumulative_gap).replace('.', '\\.')} to ${millions(sv.cumulative_gap_risk_adjusted).replace('.', '\\.')}$`),
        figures: {
          'savings-at-risk': millions(sv.at_risk_to_date),
          'gap-risk-adjusted': millions(sv.cumulative_gap_risk_adjusted),
          'gap-planned': millions(sv.cumulative_gap),
        },
        chart: true,
      },
      resilience: {
        finding: below
          ? new RegExp(`falls below its minimum in ${below.year.replace('/', '\\/')}: a section 27 report$`)
          : /stays above its minimum/,
        figures: {
          'general-risk-adjusted': millions(rv.general),
          minimum: millions(rv.minimum),
          'red-indicators': red === 0 ? 'None' : String(red),
        },
        chart: true,
      },
      bridge: {
        finding: /baseline/,
        figures: { 'scenario-gap': millions(last.cumulative_gap), difference: '£0.0m' },
        chart: true,
      },
      'closes-gap': {
        finding: new RegExp(`^A Band D rise of ${pounds(solve.value).replace('.', '\\.')} a year from ${year.year.replace('/', '\\/')} would close the ${millions(last.cumulative_gap).replace('.', '\\.')} gap`),
        figures: { 'closing-rise': pounds(solve.value) },
      },
      'matters-most': {
        finding: new RegExp(`^${sens.rows[0].label} matters most: `),
        figures: { 'matters-1': millions(sens.rows[0].delta_cumulative_gap) },
        chart: true,
      },
    },
  };
}

const ORDER = ['gap-year', 'gap-plan', 'precept', 'bands', 'uplift', 'collaborations', 'reserves', 'capital', 'savings', 'resilience', 'bridge', 'closes-gap', 'matters-most'];
/** The pack's pages after the cover: the chosen slides, then the section 25 statement with the reserves' minimum. */
const packPages = (slides) => [...slides, ...(slides.includes('resilience') ? ['s25'] : [])];
const NEXT_KEYS = ['ArrowRight', 'PageDown', 'Space', 'ArrowDown'];

async function openPresentation(viewport) {
  const app = await openApp(browser, { viewport });
  await app.page.getByRole('button', { name: 'Present', exact: true }).click();
  await app.page.waitForSelector('#present-setup-title');
  return app;
}

const slideKey = (page) => page.locator('#present-slide').getAttribute('data-slide');

/** Nothing on the slide runs past the screen: no scrolling, every element inside. */
async function fitsScreen(page, within = '#present-slide') {
  return page.evaluate((within) => {
    const root = document.querySelector('.present-screen');
    const out = [];
    if (root.scrollHeight > window.innerHeight + 1) out.push(`scrolls: ${root.scrollHeight} > ${window.innerHeight}`);
    for (const el of document.querySelectorAll(`${within} *`)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || el.closest('.visually-hidden')) continue;
      if (r.right > window.innerWidth + 1 || r.bottom > window.innerHeight + 1) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(r.right)}×${Math.round(r.bottom)}`);
      }
    }
    return out.slice(0, 5);
  }, within);
}

let expected;
test('the model figures, from the CLI', () => {
  expected = expectations();
  assert.ok(expected.year);
});

for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`every slide by keyboard at ${size}: figures equal the model, nothing off screen`, async () => {
    expected ??= expectations();
    const app = await openPresentation(viewport);
    const { page } = app;
    assert.deepEqual(await accessibilityViolations(page), [], 'axe on the setup step');
    assert.equal(await page.evaluate(() => document.fullscreenElement?.tagName), 'HTML', 'the page is in full screen');
    await page.locator('#present-start').click();
    await page.waitForSelector('#present-slide');
    for (const [i, key] of ORDER.entries()) {
      assert.equal(await slideKey(page), key, `slide ${i + 1}`);
      const want = expected.slides[key];
      const finding = await page.locator('#slide-finding').innerText();
      assert.match(finding, want.finding, `${key} finding`);
      for (const [name, value] of Object.entries(want.figures)) {
        assert.equal(await page.locator(`#present-slide [data-figure="${name}"]`).innerText(), value, `${key}: ${name}`);
      }
      if (want.chart) {
        assert.equal(await page.locator('#present-slide .slide-canvas svg').count(), 1, `${key} has one chart`);
      }
      if (key === 'bands') {
        for (const b of expected.bands) {
          const row = page.locator(`#present-slide tr[data-band="${b.band}"]`);
          assert.equal(await row.locator('[data-col="annual"]').innerText(), b.annual, `Band ${b.band} a year`);
          assert.equal(await row.locator('[data-col="rise"]').innerText(), b.rise, `Band ${b.band} rise`);
          assert.equal(await row.locator('[data-col="weekly"]').innerText(), b.weekly, `Band ${b.band} a week`);
          assert.equal(await row.locator('[data-col="rise-weekly"]').innerText(), b.riseWeekly, `Band ${b.band} rise a week`);
        }
      }
      assert.equal(
        await page.locator('#present-announce').innerText(),
        `Slide ${i + 1} of ${ORDER.length}: ${finding}`,
        'position announced to screen readers',
      );
      assert.deepEqual(await fitsScreen(page), [], `${key} fits ${size}`);
      await screenshot(page, `present-${String(i + 1).padStart(2, '0')}-${key}-${size}`);
      if (viewport.width === 1280 || i === 1 || i === 3) {
        assert.deepEqual(await accessibilityViolations(page), [], `axe on ${key}`);
      }
      await page.keyboard.press(NEXT_KEYS[i % NEXT_KEYS.length]);
    }
    // Past the end stays on the last slide; Home, End, Page Up and the arrows move.
    assert.equal(await slideKey(page), 'matters-most');
    await page.keyboard.press('Home');
    assert.equal(await slideKey(page), 'gap-year');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await slideKey(page), 'gap-year');
    await page.keyboard.press('End');
    assert.equal(await slideKey(page), 'matters-most');
    await page.keyboard.press('PageUp');
    assert.equal(await slideKey(page), 'closes-gap');
    await page.keyboard.press('ArrowUp');
    assert.equal(await slideKey(page), 'bridge');
    // Esc: back to the workspace, focus on the button that opened the presentation.
    await page.keyboard.press('Escape');
    await page.waitForSelector('main.workspace');
    assert.equal(await page.locator('#present-slide').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'present-open');
    assert.equal(await page.evaluate(() => document.fullscreenElement), null, 'full screen left');
    assertClean(app);
    await app.close();
  });
}

test('the setup step chooses the scenario and slides: an edited scenario against the baseline, then the baseline itself', async () => {
  const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
  const { page } = app;
  // A £10 larger precept rise in 2023/24, typed into the workspace: a new scenario.
  await page.fill('#precept-rise-gbp-2023', '24.94');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await page.waitForSelector('#present-setup-title');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'present-setup-title', 'focus moves into the mode');
  // The scenario on screen is chosen; the baseline is offered beside it.
  const onScreen = page.locator('input[name="present-scenario"]:checked');
  assert.match(await page.locator(`label[for="${await onScreen.getAttribute('id')}"]`).innerText(), /\(on screen\)$/);
  assert.equal(await page.locator('#present-scenario-baseline').count(), 1);
  await screenshot(page, 'present-00-setup-1280x720');
  assert.deepEqual(await fitsScreen(page, '.present-setup'), [], 'the setup step fits 1280×720');
  for (const key of ['gap-plan', 'bands', 'uplift', 'collaborations', 'reserves', 'capital', 'savings', 'resilience', 'closes-gap', 'matters-most']) {
    await page.locator(`#present-slide-${key}`).uncheck();
  }
  await page.locator('#present-start').click();
  const seen = [];
  for (let i = 0; i < 3; i += 1) {
    seen.push(await slideKey(page));
    if (seen.at(-1) === 'precept') {
      assert.equal(await page.locator('#present-slide [data-figure="band-d-rise"]').innerText(), '£24.94');
      // 24.94 ÷ 52 = 0.4796… → £0.48.
      assert.equal(await page.locator('#present-slide [data-figure="band-d-rise-week"]').innerText(), '£0.48');
    }
    await page.keyboard.press('PageDown');
  }
  assert.deepEqual(seen, ['gap-year', 'precept', 'bridge']);
  assert.match(await page.locator('#present-announce').innerText(), /^Slide 3 of 3: /);
  assert.match(await page.locator('#slide-finding').innerText(), /^This scenario takes £\d+\.\dm off the cumulative gap; precept moves it most$/);
  await screenshot(page, 'present-09-bridge-edited-1280x720');
  await page.keyboard.press('Escape');
  await page.waitForSelector('main.workspace');
  assert.equal(await page.locator('#precept-rise-gbp-2023').inputValue(), '24.94', 'the workspace is as it was left');

  // Now the baseline, for the plan's last year: its bridge slide says it is the baseline.
  expected ??= expectations();
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await page.locator('#present-scenario-baseline').check();
  await page.selectOption('#present-year', expected.last.year);
  await page.locator('#present-start').click();
  assert.match(await page.locator('#slide-finding').innerText(), new RegExp(`^In ${expected.last.year.replace('/', '\\/')} `));
  assert.equal(await page.locator('#present-slide [data-figure="annual-gap"]').innerText(), expected.last.gap);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await slideKey(page), 'precept');
  assert.equal(await page.locator('#present-slide [data-figure="band-d"]').innerText(), expected.last.bandD);
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await slideKey(page), 'bridge');
  assert.match(await page.locator('#slide-finding').innerText(), /^This is the baseline/);
  assert.equal(await page.locator('#present-slide [data-figure="difference"]').innerText(), '£0.0m');
  // Leaving full screen the browser's way (its own Esc) leaves the presentation too.
  await page.evaluate(() => document.exitFullscreen());
  await page.waitForSelector('main.workspace');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'present-open');
  assertClean(app);
  await app.close();
});

/** A PGM (P5) image: { width, height, pixels }. */
function readPgm(buf) {
  const header = [];
  let pos = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos]))) pos += 1;
    if (buf[pos] === 0x23) {
      while (buf[pos] !== 0x0a) pos += 1;
      continue;
    }
    let tok = '';
    while (!/\s/.test(String.fromCharCode(buf[pos]))) tok += String.fromCharCode(buf[pos++]);
    header.push(tok);
  }
  pos += 1;
  const [, w, h] = header.map(Number);
  return { width: w, height: h, pixels: buf.subarray(pos, pos + w * h) };
}

/**
 * Prints the page to PDF as headless Chromium does and checks the pack: A4 landscape, one
 * PDF page per pack page (nothing spilled over), a cover then at most one chart per page,
 * every page named, dated and numbered, no controls, and as images: content on every page
 * and nothing reaching the bottom edge. Saves the pages as target/screenshots/NAME-NN.png.
 */
async function checkPack(page, name, slides) {
  const today = await page.evaluate(() => new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }));
  const pages = 1 + packPages(slides).length;
  await page.emulateMedia({ media: 'print' });
  const layout = await page.evaluate(() => {
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    return {
      controls: [...document.querySelectorAll('button, input, select, textarea, [role="button"], nav, aside, header.app-header')].filter(visible).length,
      pages: [...document.querySelectorAll('.print-page')].map((p) => ({
        slide: p.dataset.printSlide ?? 'cover',
        charts: p.querySelectorAll('svg').length,
        overflow: p.scrollHeight - p.clientHeight,
      })),
    };
  });
  assert.equal(layout.controls, 0, 'no buttons, inputs, panels or navigation in print');
  assert.deepEqual(layout.pages.map((p) => p.slide), ['cover', ...packPages(slides)]);
  for (const p of layout.pages) {
    assert.ok(p.charts <= 1, `${p.slide}: at most one chart on the page`);
    assert.ok(p.overflow <= 0, `${p.slide}: content overflows its page by ${p.overflow}px`);
  }
  const chartSlides = slides.filter((k) => !['gap-year', 'precept', 'bands', 'closes-gap'].includes(k));
  assert.equal(layout.pages.filter((p) => p.charts === 1).length, chartSlides.length, 'one chart on each chart slide\'s page');

  const dir = join(ROOT, 'target', name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const pdfPath = join(dir, 'pack.pdf');
  await writeFile(pdfPath, await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true }));
  await page.emulateMedia({ media: null });
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  assert.match(info, new RegExp(`^Pages:\\s+${pages}$`, 'm'), 'one PDF page per pack page: nothing spilled over');
  const [, w, h] = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
  assert.ok(Number(w) > Number(h) && Math.abs(Number(w) - 842) < 3 && Math.abs(Number(h) - 595) < 3, `A4 landscape, not ${w}×${h}`);

  for (let n = 1; n <= pages; n += 1) {
    const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdfPath, '-'], { encoding: 'utf8' });
    assert.match(text, /Nottinghamshire|Scenario \d/, `page ${n} names the scenario`);
    assert.ok(text.includes(today), `page ${n} is dated ${today}`);
    assert.ok(text.includes(`Page ${n} of ${pages}`), `page ${n} numbered`);
    for (const control of ['Start presentation', 'Print pack', 'Back to the workspace', 'Exit (Esc)', 'Reset to baseline', 'Assumptions']) {
      assert.ok(!text.includes(control), `page ${n} shows "${control}"`);
    }
    if (n === 1) assert.match(text, /Key assumptions/);
    else assert.match(text, /Source\.|Estimate\./, `page ${n} gives its sources`);
  }

  // Pages as images: each has content, and a white band at the bottom (nothing runs off).
  execFileSync('pdftoppm', ['-r', '40', '-gray', pdfPath, join(dir, 'page')]);
  execFileSync('pdftoppm', ['-r', '70', '-png', pdfPath, join(dir, 'page')]);
  const images = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort((a, b) => parseInt(a.match(/\d+/)) - parseInt(b.match(/\d+/)));
  assert.equal(images.length, pages);
  await mkdir(join(ROOT, 'target', 'screenshots'), { recursive: true });
  for (const [i, file] of images.entries()) {
    const { width, height, pixels } = readPgm(await readFile(join(dir, file)));
    assert.ok(width > height, `${file} is landscape`);
    let dark = 0;
    for (const v of pixels) if (v < 128) dark += 1;
    assert.ok(dark > width, `${file} has content`);
    const bottom = pixels.subarray((height - 8) * width);
    assert.ok(bottom.every((v) => v > 240), `${file}: something reaches the bottom edge (cut off?)`);
    const png = file.replace('.pgm', '.png');
    await writeFile(join(ROOT, 'target', 'screenshots', `${name}-${String(i + 1).padStart(2, '0')}.png`), await readFile(join(dir, png)));
  }
}

test('the print pack of the chosen slides: A4 landscape PDF, a cover then one chart per page, nothing cut off, no controls', async () => {
  expected ??= expectations();
  const app = await openPresentation({ width: 1280, height: 720 });
  const { page } = app;
  await checkPack(page, 'present-pack', ORDER);
  // Untick two slides: the pack follows the choice.
  await page.locator('#present-slide-bands').uncheck();
  await page.locator('#present-slide-uplift').uncheck();
  await checkPack(page, 'present-pack-chosen', ORDER.filter((k) => k !== 'bands' && k !== 'uplift'));
  assertClean(app);
  await app.close();
});

test('the workspace\'s "Print pack" prints every slide of the scenario on screen, and nothing of the workspace', async () => {
  const app = await openApp(browser, { viewport: { width: 1366, height: 768 } });
  const { page } = app;
  // The print dialog cannot open headless: count the calls instead.
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed += 1;
    };
  });
  assert.equal(await page.locator('.print-pack').count(), 0, 'no pack is drawn until it is asked for');
  await page.getByRole('button', { name: 'Print pack', exact: true }).click();
  await page.waitForSelector('.print-pack', { state: 'attached' });
  assert.equal(await page.evaluate(() => window.__printed), 1, 'the print dialog was asked for');
  await checkPack(page, 'workspace-pack', ORDER);
  assertClean(app);
  await app.close();
});

test('a ten-year plan still fits every slide at 1280×720 and every pack page on A4', async () => {
  const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
  const { page } = app;
  await page.locator('#horizon-years').evaluate((el) => {
    el.closest('details').open = true;
  });
  await page.fill('#horizon-years', '10');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await page.locator('#present-start').click();
  for (const [i, key] of ORDER.entries()) {
    assert.equal(await slideKey(page), key);
    assert.deepEqual(await fitsScreen(page), [], `${key} fits 1280×720 with ten years`);
    if (key === 'gap-plan' || key === 'reserves') {
      await screenshot(page, `present-10y-${String(i + 1).padStart(2, '0')}-${key}-1280x720`);
    }
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await checkPack(page, 'present-pack-10y', ORDER);
  assertClean(app);
  await app.close();
});
