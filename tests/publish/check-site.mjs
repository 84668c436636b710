// check-site.mjs: the public version of the plan as a browser shows it. Writes the demo
// programme with pathway-cli, gives it public words where it has none (summaries, "you said, we
// did" entries, a public person, an action summary with markup characters), publishes it, then
// opens every page reachable from index.html in Debian's Chromium (puppeteer-core, never a
// downloaded browser; --no-sandbox because CI runs as root) at 390x844 and 1280x800. At each
// width it saves a full-page screenshot, runs axe-core for WCAG 2.2 AA (tags wcag2a, wcag2aa,
// wcag21a, wcag21aa, wcag22aa) and axe's structure rules (heading order, landmarks, scoped
// header cells, named charts and images) and expects no violations, and checks what axe does
// not: the page is no wider than the window, the skip link shows when focused, focus on a link
// is visible, every table has a caption and every header cell a scope, every chart is an image
// named by its title and described by its numbers. Prints TAP. Skipped (TAP "1..0 # SKIP")
// only when node_modules or Chromium is missing: `npm ci` here installs the first,
// build-aux/setup both.
//
// Environment: PATHWAY_CLI (the built pathway-cli), PATHWAY_SCREENSHOT_DIR (where the PNGs go;
// default: a folder in the temporary directory), CHROMIUM (default /usr/bin/chromium).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const cli = process.env.PATHWAY_CLI;
const widths = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// Rules outside the WCAG tags (axe's best practice) that a screen reader's user feels: the
// heading outline, one main landmark and everything inside a landmark, header cells with a
// valid scope and data cells under them, charts and images with names.
const axeStructureRules = ['heading-order', 'page-has-heading-one', 'landmark-one-main',
  'region', 'scope-attr-valid', 'empty-heading', 'empty-table-header', 'th-has-data-cells',
  'svg-img-alt', 'role-img-alt', 'image-alt', 'landmark-unique'];

let puppeteer;
let axeSource;
if (!existsSync(join(here, 'node_modules'))) {
  console.log('1..0 # SKIP tests/publish/node_modules is missing: run "npm ci" in tests/publish');
  process.exit(0);
}
if (!existsSync(chromium)) {
  console.log(`1..0 # SKIP ${chromium} is missing: apt-get install chromium`);
  process.exit(0);
}
try {
  puppeteer = (await import('puppeteer-core')).default;
  axeSource = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
} catch (error) {
  console.log(`1..0 # SKIP tests/publish/node_modules is incomplete (${error.message}): ` +
              'run "npm ci" in tests/publish');
  process.exit(0);
}
if (!cli || !existsSync(cli)) {
  console.log('Bail out! PATHWAY_CLI does not name the built pathway-cli');
  process.exit(1);
}

let count = 0;
let failed = 0;
function ok(pass, name, diagnostics) {
  count++;
  if (!pass)
    failed++;
  console.log(`${pass ? 'ok' : 'not ok'} ${count} - ${name}`);
  if (!pass && diagnostics)
    for (const line of String(diagnostics).split('\n'))
      console.log(`# ${line}`);
}

function run(...args) {
  return execFileSync(cli, args, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
}

// The demo programme, with public words where it has none yet.
const work = mkdtempSync(join(tmpdir(), 'pathway-publish-'));
const programme = join(work, 'demo.pathway');
const site = join(work, 'site');
const shots = resolve(process.env.PATHWAY_SCREENSHOT_DIR || join(tmpdir(), 'pathway-publish-screenshots'));
mkdirSync(shots, { recursive: true });

run('demo', programme);
const areas = JSON.parse(run('list', programme, 'area', '--json'));
if (!areas.some((area) => area['public-summary'])) {
  const summaries = [
    'Families were not involved enough in planning services, and many parents felt nobody ' +
      'listened to them.',
    'Too many education, health and care (EHC) plans took longer than 20 weeks, and some ' +
      'plans were vague or out of date.',
    'Children waited too long for autism assessments and therapies, with little help while ' +
      'they waited.',
  ];
  summaries.forEach((summary, i) =>
    run('edit', programme, 'area', areas[i].number, '--set', `public-summary=${summary}`));
}
const actions = JSON.parse(run('list', programme, 'action', '--json'));
if (!actions.some((action) => action['public-summary'])) {
  for (const action of actions.filter((a, i) => i % 4 === 0).slice(0, 24))
    run('edit', programme, 'action', action.reference, '--set',
        `public-summary=In plain words: what action ${action.reference} changes for families.`);
}
// User text is text: this must show as written.
run('edit', programme, 'action', actions[1].reference, '--set',
    'public-summary=S<OT & "SALT" drop-ins for families');
const entries = JSON.parse(run('list', programme, 'coproduction', '--json'));
if (entries.length === 0) {
  run('add', programme, 'coproduction', '--set', 'date=2026-03-12', '--set', 'audience=parent-carers',
      '--set', 'who=Parent carer forum steering group', '--set',
      'said=Parents did not know who to contact while they waited for an assessment.',
      '--set', 'will-do=Give every waiting family a named contact.', '--set',
      'did=Every waiting family now has a named contact and a call each month.',
      '--set', 'status=done', '--set', `areas=${areas[2].number}`);
  run('add', programme, 'coproduction', '--set', 'date=2026-09-02', '--set', 'audience=young-people',
      '--set', "who=Young people's forum", '--set',
      'said=We want to be asked before decisions about our plans, not after.', '--set',
      'did=The law on reviews is not ours to change, but young people now chair part of ' +
      'their own review.', '--set', 'status=not-done', '--set', `areas=${areas[1].number}`);
}
run('publish', programme, '-o', site, '--approved-by', 'Director of Children\'s Services',
    '--approved-on', '2026-12-04', '--date', '2026-12-07');

// Every page reachable from the index, by following its links.
function linksOf(file) {
  const html = readFileSync(join(site, file), 'utf8');
  return [...html.matchAll(/href="([^"#]+\.html)(#[^"]*)?"/g)].map((m) => m[1]);
}
const pages = ['index.html'];
for (let i = 0; i < pages.length; i++)
  for (const link of linksOf(pages[i]))
    if (!pages.includes(link))
      pages.push(link);
const files = readdirSync(site).filter((name) => name.endsWith('.html'));
ok(files.every((name) => pages.includes(name)) && pages.every((name) => files.includes(name)),
   `every page is reachable from index.html (${pages.length} pages)`,
   `reached: ${pages.join(', ')}\nin the folder: ${files.join(', ')}`);

// The test environment's GLib and sanitizer settings are for our programs, not the browser's.
const browserEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) =>
  !['G_DEBUG', 'G_ENABLE_DIAGNOSTIC', 'ASAN_OPTIONS', 'LSAN_OPTIONS', 'UBSAN_OPTIONS',
    'MALLOC_PERTURB_'].includes(name)));
const browser = await puppeteer.launch({
  executablePath: chromium,
  env: browserEnv,
  headless: false, // the arguments say how: Debian's Chromium, new headless mode
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--hide-scrollbars',
         '--font-render-hinting=none'],
});

try {
  for (const { width, height } of widths) {
    const page = await browser.newPage();
    await page.setViewport({ width, height, deviceScaleFactor: 1 });
    for (const name of pages) {
      const label = `${name} at ${width}x${height}`;
      await page.goto(pathToFileURL(join(site, name)).href, { waitUntil: 'load' });

      const shot = join(shots, `${name.replace(/\.html$/, '')}-${width}.png`);
      await page.screenshot({ path: shot, fullPage: true });

      const facts = await page.evaluate(() => ({
        lang: document.documentElement.getAttribute('lang'),
        title: document.title,
        updated: document.querySelector('.updated')?.textContent ?? '',
        scrollWidth: document.documentElement.scrollWidth,
        h1: document.querySelectorAll('h1').length,
        headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
          .map((h) => Number(h.tagName[1])),
      }));
      // Headings start at h1 and never skip a level on the way down.
      const skipped = facts.headings.findIndex((level, i) =>
        i === 0 ? level !== 1 : level > facts.headings[i - 1] + 1);
      ok(facts.headings.length > 1 && skipped === -1, `${label}: headings in order`,
         `levels: ${facts.headings.join(' ')}`);
      ok(facts.lang === 'en-GB' && facts.title.length > 0 && facts.h1 === 1 &&
         /^Last updated 7 December 2026$/.test(facts.updated.trim()),
         `${label}: lang, title, one h1, last updated`, JSON.stringify(facts));
      ok(facts.scrollWidth <= width, `${label}: no wider than the window`,
         `the page is ${facts.scrollWidth} px wide`);

      // The first Tab reaches the skip link, which then shows; the next a link whose focus
      // is drawn.
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const element = document.activeElement;
        const box = element.getBoundingClientRect();
        return { className: element.className, left: box.left, top: box.top, width: box.width };
      });
      ok(skip.className === 'skip-link' && skip.left >= 0 && skip.width > 0,
         `${label}: the skip link is first and shows when focused`, JSON.stringify(skip));
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement);
        return { tag: document.activeElement.tagName, background: style.backgroundColor,
                 shadow: style.boxShadow, outline: style.outlineStyle };
      });
      ok(focus.tag === 'A' && (focus.shadow !== 'none' || focus.outline !== 'none') &&
         focus.background === 'rgb(255, 221, 0)',
         `${label}: focus on a link is visible`, JSON.stringify(focus));

      await page.evaluate(axeSource);
      const result = await page.evaluate(async (tags) => {
        const outcome = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
        return outcome.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
        }));
      }, axeTags);
      ok(result.length === 0, `${label}: axe-core finds no WCAG 2.2 AA violations`,
         result.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.join('\n  ')}`)
           .join('\n'));
      const structure = await page.evaluate(async (rules) => {
        const outcome = await window.axe.run(document,
                                             { runOnly: { type: 'rule', values: rules } });
        return outcome.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
        }));
      }, axeStructureRules);
      ok(structure.length === 0, `${label}: axe-core's structure rules pass`,
         structure.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.join('\n  ')}`)
           .join('\n'));

      // What axe leaves to judgement: every table captioned and every header cell scoped, every
      // chart an image named by its title and described by its numbers, every img with alt.
      const tables = await page.evaluate(() => {
        const text = (ids) => (ids || '').split(' ').filter(Boolean)
          .map((id) => document.getElementById(id)?.textContent.trim() ?? '');
        return {
          uncaptioned: [...document.querySelectorAll('table')]
            .filter((t) => !t.caption || t.caption.textContent.trim() === '').length,
          unscoped: [...document.querySelectorAll('th')]
            .filter((th) => !['col', 'row'].includes(th.getAttribute('scope'))).length,
          charts: [...document.querySelectorAll('svg')]
            .filter((svg) => svg.getAttribute('aria-hidden') !== 'true')
            .map((svg) => ({ role: svg.getAttribute('role'),
                             names: text(svg.getAttribute('aria-labelledby')) })),
          imagesWithoutAlt: [...document.querySelectorAll('img')]
            .filter((img) => !img.hasAttribute('alt')).length,
        };
      });
      ok(tables.uncaptioned === 0 && tables.unscoped === 0 && tables.imagesWithoutAlt === 0 &&
         tables.charts.every((c) => c.role === 'img' && c.names.length === 2 &&
                                    c.names.every((n) => n.length > 0)),
         `${label}: tables captioned and scoped, charts and images named`,
         JSON.stringify(tables));
    }
    await page.close();
  }

  // User text reaches the page as text.
  const page = await browser.newPage();
  let found = false;
  for (const name of pages) {
    await page.goto(pathToFileURL(join(site, name)).href, { waitUntil: 'load' });
    if ((await page.evaluate(() => document.body.innerText)).includes('S<OT & "SALT" drop-ins'))
      found = true;
  }
  ok(found, 'an action summary with markup characters shows as written');
  await page.close();
} finally {
  await browser.close();
}

console.log(`# screenshots in ${shots}`);
console.log(`1..${count}`);
rmSync(work, { recursive: true, force: true });
process.exit(failed > 0 ? 1 : 0);
