// HTML → PDF through Debian's Chromium (playwright-core). The page runs with JavaScript off and
// every network request refused: the document is self-contained. One rendering at a time, a
// short queue, then 503: a PDF costs a browser process, which must not become a DoS lever.
import { chromium } from 'playwright-core';
import { AppError } from '../../http/errors.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const MAX_WAITING = 4;

let chain: Promise<unknown> = Promise.resolve();
let waiting = 0;

async function render(html: string, footer: string): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#555">${footer} <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
    });
  } finally {
    await browser.close();
  }
}

/** `footer` is a fixed label of ours, never user data (it is not escaped). */
export async function renderPdf(html: string, footer: string): Promise<Buffer> {
  if (waiting >= MAX_WAITING) throw new AppError(503, 'busy', 'Too many PDF reports are being produced; try again in a minute');
  waiting += 1;
  const run = chain.then(() => render(html, footer));
  chain = run.catch(() => undefined);
  try {
    return await run;
  } finally {
    waiting -= 1;
  }
}
