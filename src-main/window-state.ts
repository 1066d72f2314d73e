import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * The main window's size and position, remembered between runs. Displays
 * come in as data (Electron's `screen.getAllDisplays()` work areas), so the
 * clamping — a monitor unplugged since last time, a smaller laptop screen —
 * is tested without Electron.
 */
export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let the OS place the window (centred). */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;
/** At least this much of the title bar must be on a screen, or the window is re-centred. */
const MIN_VISIBLE = 120;

const coordinate = z.number().int().min(-100_000).max(100_000);
const savedStateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean().default(false),
});

function overlap(a: Rectangle, b: Rectangle): Rectangle {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return { x, y, width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * The state to open the window with: the saved one if it is valid and its
 * top edge is visible on some display (the user can grab it), each size
 * capped to the largest display; otherwise the default size, centred by the OS.
 * `displays[0]` is the primary display.
 */
export function restoreWindowState(saved: unknown, displays: readonly Rectangle[]): WindowState {
  const fallback: WindowState = { ...DEFAULT_WINDOW_SIZE, maximized: false };
  const parsed = savedStateSchema.safeParse(saved);
  const primary = displays[0];
  if (!parsed.success || !primary) return capToDisplay(fallback, primary);
  const state = parsed.data;
  const maxWidth = Math.max(...displays.map((display) => display.width));
  const maxHeight = Math.max(...displays.map((display) => display.height));
  const width = Math.min(Math.max(state.width, MIN_WINDOW_SIZE.width), maxWidth);
  const height = Math.min(Math.max(state.height, MIN_WINDOW_SIZE.height), maxHeight);
  if (state.x === undefined || state.y === undefined) {
    return { width, height, maximized: state.maximized };
  }
  const titleBar = { x: state.x, y: state.y, width, height: 32 };
  const visible = displays.some((display) => {
    const shared = overlap(titleBar, display);
    return shared.width >= Math.min(MIN_VISIBLE, width) && shared.height > 0;
  });
  if (!visible) return capToDisplay({ width, height, maximized: state.maximized }, primary);
  return { x: state.x, y: state.y, width, height, maximized: state.maximized };
}

function capToDisplay(state: WindowState, display: Rectangle | undefined): WindowState {
  if (!display) return state;
  return {
    ...state,
    width: Math.min(state.width, display.width),
    height: Math.min(state.height, display.height),
  };
}

/** What to save: the normal (un-maximised) bounds, so un-maximising restores the old size. */
export function captureWindowState(normalBounds: Rectangle, maximized: boolean): WindowState {
  return {
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.round(normalBounds.width),
    height: Math.round(normalBounds.height),
    maximized,
  };
}

/** Reads the saved state; a missing or broken file is no state (the defaults apply). */
export async function loadWindowState(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file so a crash mid-write never leaves half a file. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(state), 'utf8');
  await rename(temporary, file);
}
