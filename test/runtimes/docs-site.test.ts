// The docs site: `npm run docs` (guides + typedoc API reference, warnings are
// errors) builds, then headless Chromium loads the index, a guide and an API
// page from a local server: they render with no console errors, search finds
// a symbol, and no internal link anywhere in the site is broken.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.js';
import { outDir, repoRoot } from './support/paths.js';

const siteDir = path.join(repoRoot, 'docs', 'site');
const screenshots = path.join(outDir, 'screenshots');

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? htmlFiles(file) : name.endsWith('.html') ? [file] : [];
  });
}

let build: { code: number; output: string };
let server: http.Server;
let origin: string;
let browser: { context: BrowserContext; close: () => Promise<void> };

beforeAll(async () => {
  rmSync(siteDir, { recursive: true, force: true });
  try {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '--silent', 'docs'], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
    build = { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    build = { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
  server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    // the site has no favicon; Chromium asks for one anyway
    if (pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = path.join(siteDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(siteDir) || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** The browser and link checks need a site: say so plainly when the build failed. */
function requireSite() {
  if (build.code !== 0 || !existsSync(path.join(siteDir, 'index.html'))) throw new Error('docs/site was not built: npm run docs failed (see the first test)');
}

describe('docs site', () => {
  it('builds with npm run docs and zero warnings', () => {
    expect(build.output).not.toMatch(/\[warning\]|\[error\]/);
    expect(build.code, build.output).toBe(0);
    expect(existsSync(path.join(siteDir, 'index.html'))).toBe(true);
  });

  it('has no broken internal link in any page', () => {
    requireSite();
    const broken: string[] = [];
    for (const file of htmlFiles(siteDir)) {
      const html = readFileSync(file, 'utf8');
      for (const [, href] of html.matchAll(/\shref="([^"#]*)(?:#[^"]*)?"/g)) {
        if (!href || /^[a-z]+:/i.test(href) || href.startsWith('//')) continue;
        const target = path.resolve(path.dirname(file), decodeURIComponent(href));
        if (!existsSync(target)) broken.push(`${path.relative(siteDir, file)} → ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });

  const guide = () => {
    const documents = path.join(siteDir, 'documents');
    const first = existsSync(documents) ? readdirSync(documents).find((name) => name.endsWith('.html')) : undefined;
    return first && `documents/${first}`;
  };
  const pages = [
    { name: 'index', path: () => 'index.html', heading: /aigc/i },
    { name: 'a guide', path: guide, heading: /\w/ },
    { name: 'the generateText API page', path: () => 'functions/aigc.generateText.html', heading: /generateText/ },
  ];

  it.each(pages)('renders $name in Chromium with no console errors', async (page) => {
    requireSite();
    const relative = page.path();
    expect(relative, 'page exists').toBeTruthy();
    const tab = await browser.context.newPage();
    const errors: string[] = [];
    const failed: string[] = [];
    tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    tab.on('pageerror', (error) => errors.push(error.message));
    tab.on('response', (response) => response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`));
    await tab.goto(`${origin}/${relative}`, { waitUntil: 'load' });
    await tab.waitForSelector('.tsd-navigation a', { timeout: 10_000 });
    const heading = (await tab.locator('h1').first().textContent()) ?? '';
    expect(heading).toMatch(page.heading);
    expect(await tab.locator('.tsd-navigation a').count(), 'navigation links').toBeGreaterThan(3);
    // every same-origin link on the rendered page answers
    const links = await tab.$$eval('a[href]', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    const internal = [...new Set(links.filter((link) => link.startsWith(origin)).map((link) => link.split('#')[0]!))];
    for (const link of internal) {
      const response = await fetch(link);
      if (!response.ok) failed.push(`${response.status} ${link}`);
    }
    await tab.screenshot({ path: path.join(screenshots, `docs-${page.name.replace(/\W+/g, '-')}.png`), fullPage: false });
    await tab.close();
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('finds generateText with the search box', async () => {
    requireSite();
    const tab = await browser.context.newPage();
    await tab.goto(`${origin}/index.html`, { waitUntil: 'load' });
    await tab.locator('#tsd-search-trigger, #tsd-search input, #tsd-search-field').first().click();
    await tab.keyboard.type('generateText');
    const result = tab.locator('#tsd-search-results li a, .results li a').filter({ hasText: 'generateText' }).first();
    await result.waitFor({ timeout: 10_000 });
    expect(await result.getAttribute('href')).toMatch(/generateText/);
    await tab.screenshot({ path: path.join(screenshots, 'docs-search.png') });
    await tab.close();
  });
});
