/**
 * The PNG fallback Word needs beside an SVG image (docx's ImageRun requires one, and older
 * Word versions and some other readers show only it). It rasterises the chart scene's
 * rectangles and lines, which is exact for these charts; text is left out, since a font
 * rasteriser is not worth a dependency here and the tables beside each chart carry the numbers.
 * Encoded with node:zlib, so this file is for Node (the exports), not the webview.
 */
import { constants, deflateSync } from 'node:zlib';
import { lightColor, type Chart, type Paint } from './chartLayout';

/** Pixels per chart unit: 2 keeps edges crisp when Word scales the image to the page width. */
const SCALE = 2;

export function chartPng(chart: Chart, scale = SCALE): Uint8Array {
  const width = Math.ceil(chart.width * scale);
  const height = Math.ceil(chart.height * scale);
  // The charts paint with a handful of colours: the image is drawn as palette indexes straight
  // into the PNG's scanlines (a filter byte, then one byte per pixel), a third of the bytes of
  // RGB for deflate to compress, and each rectangle is one fill() per row. Index 0 is the white
  // background (a fresh array is all zeros, filter bytes included).
  const stride = width + 1;
  const scanlines = new Uint8Array(stride * height);
  const palette: string[] = ['#ffffff'];
  const indexOf = new Map<string, number>([['#ffffff', 0]]);
  draw(chart, scale, width, height, (left, top, right, bottom, color) => {
    let index = indexOf.get(color);
    if (index === undefined) {
      index = palette.push(color) - 1;
      indexOf.set(color, index);
    }
    for (let y = top; y < bottom; y++) scanlines.fill(index, y * stride + 1 + left, y * stride + 1 + right);
  });
  if (palette.length <= 256) return encodeIndexedPng(width, height, scanlines, palette);
  // More colours than a palette holds (none of the report's charts): RGB.
  const rgb = new Uint8Array(width * height * 3).fill(255);
  draw(chart, scale, width, height, (left, top, right, bottom, color) => {
    const [r, g, b] = hexRgb(color);
    for (let y = top; y < bottom; y++) {
      for (let x = left; x < right; x++) {
        const i = (y * width + x) * 3;
        rgb[i] = r;
        rgb[i + 1] = g;
        rgb[i + 2] = b;
      }
    }
  });
  return encodePng(width, height, rgb);
}

/** Calls `fill` with the pixel box [left, right) × [top, bottom) and the colour (#rrggbb) of each rectangle and line, in drawing order. */
function draw(chart: Chart, scale: number, width: number, height: number, fill: (left: number, top: number, right: number, bottom: number, color: string) => void): void {
  const box = (x0: number, y0: number, x1: number, y1: number, paint: Paint): void =>
    fill(clamp(Math.round(x0 * scale), width), clamp(Math.round(y0 * scale), height), clamp(Math.round(x1 * scale), width), clamp(Math.round(y1 * scale), height), lightColor(paint).toLowerCase());
  for (const s of chart.shapes) {
    if (s.kind === 'rect') box(s.x, s.y, s.x + s.width, s.y + s.height, s.fill);
    else if (s.kind === 'line') {
      // The charts only draw horizontal and vertical lines, one unit wide.
      const x0 = Math.min(s.x1, s.x2) - 0.5;
      const x1 = Math.max(s.x1, s.x2) + 0.5;
      const y0 = Math.min(s.y1, s.y2) - 0.5;
      const y1 = Math.max(s.y1, s.y2) + 0.5;
      if (!s.dashed) box(x0, y0, x1, y1, s.stroke);
      else if (x1 - x0 <= 1) for (let y = y0; y < y1; y += 7) box(x0, y, x1, Math.min(y + 4, y1), s.stroke);
      else for (let x = x0; x < x1; x += 7) box(x, y0, Math.min(x + 4, x1), y1, s.stroke);
    }
  }
}

function clamp(v: number, max: number): number {
  return Math.max(0, Math.min(max, v));
}

function hexRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * How the palette scanlines are deflated: runs of one index only (Z_RLE). The charts are flat
 * areas of colour, so runs are most of what there is to find: the image comes out about half a
 * kilobyte larger than with the full search for repeated strings (level 9 alone), in a sixth of
 * its time (about 1.5 ms less per chart, two charts per Word export). The pixels are the same.
 */
const RUNS = { level: 9, strategy: constants.Z_RLE };

/** An 8-bit palette PNG from its scanlines (each a filter byte 0, then one index per pixel): signature, IHDR, PLTE, one IDAT, IEND. */
function encodeIndexedPng(width: number, height: number, scanlines: Uint8Array, palette: readonly string[]): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 3, 0, 0, 0], 8); // bit depth 8, colour type 3 (palette), deflate, adaptive filtering, no interlace
  const plte = new Uint8Array(palette.length * 3);
  palette.forEach((hex, i) => plte.set(hexRgb(hex), i * 3));
  return concat([Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10), chunk('IHDR', header), chunk('PLTE', plte), chunk('IDAT', deflateSync(scanlines, RUNS)), chunk('IEND', new Uint8Array(0))]);
}

/** An 8-bit RGB PNG: signature, IHDR, one IDAT (every row with filter type 0), IEND. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const stride = width * 3;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgb.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type 2 (RGB), deflate, adaptive filtering, no interlace
  return concat([Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309), as PNG chunks need; node:zlib has crc32 only from Node 20.15. */
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = crcTable[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
