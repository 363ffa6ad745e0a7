// Folds a list of edits (rotate, crop, resize, in any order) into the one order sharp runs them
// in: rotate, then crop, then resize. Each edit is given in the coordinates of the image as the
// previous edits left it, which is what an editor UI shows the user.
import { SyncoxideError } from '@syncoxide/core';

export type EditOp =
  /** Clockwise, in quarter turns (negative: counter-clockwise). */
  | { op: 'rotate'; degrees: number }
  | { op: 'crop'; left: number; top: number; width: number; height: number }
  /** Fits inside width × height keeping the aspect ratio; either side may be left out. */
  | { op: 'resize'; width?: number; height?: number };

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface EditPlan {
  /** Clockwise rotation applied to the upright source: 0, 90, 180 or 270. */
  angle: 0 | 90 | 180 | 270;
  /** Region of the rotated source kept. */
  crop: Rect;
  /** Output size. */
  width: number;
  height: number;
}

export const MAX_EDIT_EDGE = 32_768;
const MAX_OPS = 100;

function invalid(message: string): SyncoxideError {
  return new SyncoxideError('INVALID_INPUT', `invalid edit: ${message}`);
}

const isInt = (v: unknown): v is number => Number.isInteger(v);

/** The plan for an upright source of `width` × `height` (EXIF orientation already applied). */
export function planEdits(width: number, height: number, ops: readonly EditOp[]): EditPlan {
  if (ops.length > MAX_OPS) throw invalid(`at most ${MAX_OPS} operations`);
  let angle = 0;
  // The rotated source's size, the kept region in it, and the current output size.
  let frame = { width, height };
  let crop: Rect = { left: 0, top: 0, width, height };
  let out = { width, height };
  for (const op of ops) {
    if (op.op === 'rotate') {
      if (!isInt(op.degrees) || op.degrees % 90 !== 0) throw invalid('rotate takes a multiple of 90 degrees');
      const turn = (((op.degrees % 360) + 360) % 360) as 0 | 90 | 180 | 270;
      crop = rotateRect(crop, frame, turn);
      if (turn % 180 !== 0) {
        frame = { width: frame.height, height: frame.width };
        out = { width: out.height, height: out.width };
      }
      angle = (angle + turn) % 360;
    } else if (op.op === 'crop') {
      const { left, top, width: w, height: h } = op;
      if (![left, top, w, h].every(isInt) || left < 0 || top < 0 || w < 1 || h < 1) {
        throw invalid('crop takes whole non-negative offsets and a positive size');
      }
      if (left + w > out.width || top + h > out.height) {
        throw invalid(`crop ${w}×${h}+${left}+${top} goes outside the ${out.width}×${out.height} image`);
      }
      // Map through the pending resize back to source pixels.
      const sx = crop.width / out.width;
      const sy = crop.height / out.height;
      const l = Math.floor(left * sx);
      const t = Math.floor(top * sy);
      crop = {
        left: crop.left + l,
        top: crop.top + t,
        width: Math.max(1, Math.min(crop.width - l, Math.round(w * sx))),
        height: Math.max(1, Math.min(crop.height - t, Math.round(h * sy))),
      };
      out = { width: w, height: h };
    } else if (op.op === 'resize') {
      const { width: w, height: h } = op;
      if ((w === undefined && h === undefined) || ![w ?? 1, h ?? 1].every((v) => isInt(v) && v >= 1)) {
        throw invalid('resize takes a positive whole width and/or height');
      }
      const scale = Math.min(
        w === undefined ? Infinity : w / out.width,
        h === undefined ? Infinity : h / out.height,
      );
      out = {
        width: Math.max(1, Math.round(out.width * scale)),
        height: Math.max(1, Math.round(out.height * scale)),
      };
      if (out.width > MAX_EDIT_EDGE || out.height > MAX_EDIT_EDGE)
        throw invalid(`at most ${MAX_EDIT_EDGE} pixels a side`);
    } else {
      throw invalid(`unknown operation ${JSON.stringify((op as { op?: unknown }).op)}`);
    }
  }
  return { angle: angle as EditPlan['angle'], crop, width: out.width, height: out.height };
}

/** Where `rect` lands when its whole `frame` turns clockwise by `turn` degrees. */
export function rotateRect(
  rect: Rect,
  frame: { width: number; height: number },
  turn: 0 | 90 | 180 | 270,
): Rect {
  const { left: l, top: t, width: w, height: h } = rect;
  switch (turn) {
    case 90:
      return { left: frame.height - (t + h), top: l, width: h, height: w };
    case 180:
      return { left: frame.width - (l + w), top: frame.height - (t + h), width: w, height: h };
    case 270:
      return { left: t, top: frame.width - (l + w), width: h, height: w };
    default:
      return rect;
  }
}
