import { describe, expect, it } from 'vitest';
import { cropRect } from '../../../../src-renderer/features/profile/crop-image';

describe('cropRect', () => {
  const landscape = { width: 400, height: 200 };

  it('takes the largest centred square at zoom 1', () => {
    expect(cropRect(landscape, { zoom: 1, x: 0.5, y: 0.5 })).toEqual({ sx: 100, sy: 0, side: 200 });
  });

  it('zooming in shrinks the square, which can then move along both axes', () => {
    expect(cropRect(landscape, { zoom: 2, x: 0, y: 1 })).toEqual({ sx: 0, sy: 100, side: 100 });
  });

  it('never leaves the picture, whatever the position says', () => {
    const { sx, sy, side } = cropRect(landscape, { zoom: 0.5, x: 3, y: -1 });
    expect(side).toBe(200);
    expect(sx + side).toBeLessThanOrEqual(400);
    expect(sy).toBe(0);
  });
});
