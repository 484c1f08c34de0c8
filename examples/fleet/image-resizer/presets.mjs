import path from 'node:path';

const DEFAULT_WIDTHS = [320, 640, 1280];

const configured = (process.env.THUMBNAIL_WIDTHS ?? '')
  .split(',')
  .map((value) => Number(value.trim()))
  .filter((width) => Number.isInteger(width) && width > 0 && width <= 4096);

// Smaller renditions tolerate more compression.
export const PRESETS = (configured.length ? configured : DEFAULT_WIDTHS)
  .sort((a, b) => a - b)
  .map((width) => ({ width, quality: width <= 320 ? 70 : 80 }));

export const OUTPUT_PREFIX = 'thumbnails/';

export function outputKey(sourceKey, preset) {
  const { dir, name } = path.posix.parse(sourceKey);
  return path.posix.join(OUTPUT_PREFIX, dir, `${name}-${preset.width}w.webp`);
}
