// Draws Baton's icon and writes build/icon.png (1024×1024), build/icon.ico
// (16–256 px) and build/icon.icns (16–1024 px), all PNG-based, with nothing
// but Node: the shape is rendered from signed distances (anti-aliased at any
// size) and encoded with zlib. Run: node build/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixels → PNG file bytes (8-bit RGBA, no filtering). */
export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const clamp01 = (v) => Math.min(1, Math.max(0, v));

function roundedSquareDistance(x, y, half, radius) {
  const qx = Math.abs(x) - (half - radius);
  const qy = Math.abs(y) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function capsuleDistance(x, y, ax, ay, bx, by, radius) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = clamp01((px * dx + py * dy) / (dx * dx + dy * dy));
  return Math.hypot(px - dx * t, py - dy * t) - radius;
}

/**
 * The icon in unit coordinates (-1…1): an indigo rounded square, a white
 * baton running up to the right, and an amber dot where it is handed on.
 */
export function renderIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const pixel = 2 / size; // one pixel in unit coordinates, for anti-aliasing
  for (let j = 0; j < size; j += 1) {
    for (let i = 0; i < size; i += 1) {
      const x = ((i + 0.5) / size) * 2 - 1;
      const y = ((j + 0.5) / size) * 2 - 1;
      const cover = (distance) => clamp01(0.5 - distance / pixel);
      const tile = cover(roundedSquareDistance(x, y, 0.9, 0.2));
      // Background: vertical gradient indigo → violet.
      const t = (y + 1) / 2;
      let r = 79 + (124 - 79) * t;
      let g = 70 + (58 - 70) * t;
      let b = 229 + (237 - 229) * t;
      const baton = cover(capsuleDistance(x, y, -0.5, 0.5, 0.3, -0.3, 0.13));
      r += (255 - r) * baton;
      g += (255 - g) * baton;
      b += (255 - b) * baton;
      const dot = cover(Math.hypot(x - 0.52, y + 0.52) - 0.16);
      r += (251 - r) * dot;
      g += (191 - g) * dot;
      b += (36 - b) * dot;
      const offset = (j * size + i) * 4;
      rgba[offset] = Math.round(r);
      rgba[offset + 1] = Math.round(g);
      rgba[offset + 2] = Math.round(b);
      rgba[offset + 3] = Math.round(tile * 255);
    }
  }
  return rgba;
}

export function pngIcon(size) {
  return encodePng(size, renderIcon(size));
}

/** ICO with PNG-compressed images (supported since Windows Vista). */
export function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

/** ICNS with PNG payloads: one OSType per size. */
export function encodeIcns(images) {
  const blocks = images.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const total = 8 + blocks.reduce((sum, block) => sum + block.length, 0);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(total, 4);
  return Buffer.concat([head, ...blocks]);
}

const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const cache = new Map();
  const png = (size) => {
    if (!cache.has(size)) cache.set(size, pngIcon(size));
    return cache.get(size);
  };
  const out = new URL('./', import.meta.url);
  writeFileSync(new URL('icon.png', out), png(1024));
  writeFileSync(new URL('icon.ico', out), encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: png(size) }))));
  writeFileSync(new URL('icon.icns', out), encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: png(size) }))));
  console.log('Wrote build/icon.png, build/icon.ico, build/icon.icns');
}
