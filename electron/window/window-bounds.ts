import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 560;
/** How much of the title bar must lie on a display for saved bounds to be trusted. */
const VISIBLE_WIDTH = 120;
const VISIBLE_HEIGHT = 40;

export const WindowStateSchema = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(MIN_WIDTH).max(20_000),
  height: z.number().int().min(MIN_HEIGHT).max(20_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** True when the top strip of the window (where it is dragged from) is on some display. */
export function isOnScreen(bounds: Rect, workAreas: readonly Rect[]): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: VISIBLE_HEIGHT };
  return workAreas.some((area) => {
    const visible = overlap(titleBar, area);
    return visible.width >= VISIBLE_WIDTH && visible.height >= VISIBLE_HEIGHT;
  });
}

export type LoadedWindowState =
  | { ok: true; state: WindowState }
  | { ok: false; reason: 'missing' | 'corrupt' | 'invalid' | 'off-screen'; message: string };

/**
 * Reads the remembered window bounds. Anything unusable — no file, broken
 * JSON, out-of-range numbers, a monitor that is no longer attached — yields a
 * reason, and the caller opens a default-sized window instead.
 */
export function loadWindowState(file: string, workAreas: readonly Rect[]): LoadedWindowState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { ok: false, reason: 'missing', message: 'No saved window bounds.' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'corrupt', message: `The saved window bounds in ${file} are not valid JSON; using defaults.` };
  }
  const parsed = WindowStateSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid', message: `The saved window bounds are out of range (${parsed.error.issues[0]?.message ?? 'invalid'}); using defaults.` };
  }
  if (!parsed.data.maximized && !isOnScreen(parsed.data, workAreas)) {
    return { ok: false, reason: 'off-screen', message: 'The saved window position is off every display; using defaults.' };
  }
  return { ok: true, state: parsed.data };
}

/** Writes atomically (temp file + rename) so a crash mid-write cannot leave broken JSON. */
export function saveWindowState(file: string, state: WindowState): void {
  const valid = WindowStateSchema.parse(state);
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(valid), 'utf8');
  renameSync(temp, file);
}

/** Clamps live window bounds into the schema's range before saving. */
export function windowStateFrom(bounds: Rect, maximized: boolean): WindowState {
  return {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.max(MIN_WIDTH, Math.round(bounds.width)),
    height: Math.max(MIN_HEIGHT, Math.round(bounds.height)),
    maximized,
  };
}
