// Renders icon.svg to the PNG, ICO and ICNS files electron-builder uses, with
// the system Chromium through Playwright (no image tools needed):
//   node resources/build/make-icons.mjs
// ICO and ICNS simply wrap PNGs (both formats allow PNG entries), so the
// same renderings serve every platform.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';

const here = path.dirname(new URL(import.meta.url).pathname);
const svg = await readFile(path.join(here, 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();

async function render(size) {
  await page.setViewportSize({ width: size, height: size });
  const body = svg.replace(/width="1024" height="1024"/, `width="${size}" height="${size}"`);
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${body}</body></html>`,
  );
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const png = new Map();
for (const size of sizes) png.set(size, await render(size));
await browser.close();

await writeFile(path.join(here, 'icon.png'), png.get(1024));
// Linux: electron-builder picks sizes from icons/<n>x<n>.png.
await mkdir(path.join(here, 'icons'), { recursive: true });
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
  await writeFile(path.join(here, 'icons', `${size}x${size}.png`), png.get(size));
}

// ICO: header, one directory entry per image, then the PNG data.
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
const header = Buffer.alloc(6 + 16 * icoSizes.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(icoSizes.length, 4);
let offset = header.length;
icoSizes.forEach((size, index) => {
  const data = png.get(size);
  const entry = 6 + 16 * index;
  header.writeUInt8(size === 256 ? 0 : size, entry);
  header.writeUInt8(size === 256 ? 0 : size, entry + 1);
  header.writeUInt16LE(1, entry + 4); // colour planes
  header.writeUInt16LE(32, entry + 6); // bits per pixel
  header.writeUInt32LE(data.length, entry + 8);
  header.writeUInt32LE(offset, entry + 12);
  offset += data.length;
});
await writeFile(
  path.join(here, 'icon.ico'),
  Buffer.concat([header, ...icoSizes.map((s) => png.get(s))]),
);

// ICNS: 'icns' + length, then entries of type + length + PNG.
const icnsTypes = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];
const entries = icnsTypes.map(([type, size]) => {
  const data = png.get(size);
  const head = Buffer.alloc(8);
  head.write(type, 0, 'ascii');
  head.writeUInt32BE(data.length + 8, 4);
  return Buffer.concat([head, data]);
});
const icnsHead = Buffer.alloc(8);
icnsHead.write('icns', 0, 'ascii');
icnsHead.writeUInt32BE(8 + entries.reduce((sum, e) => sum + e.length, 0), 4);
await writeFile(path.join(here, 'icon.icns'), Buffer.concat([icnsHead, ...entries]));
console.log('icons written to', here);
