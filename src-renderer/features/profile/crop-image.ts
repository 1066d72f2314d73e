/** Where the square crop sits: zoom ≥ 1 and the crop's position along each free axis, 0–1. */
export interface Crop {
  readonly zoom: number;
  readonly x: number;
  readonly y: number;
}

export const AVATAR_SIZE = 320;

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The square of the source image that the crop covers, in source pixels. */
export function cropRect(image: Size, crop: Crop): { sx: number; sy: number; side: number } {
  const side = Math.min(image.width, image.height) / Math.max(1, crop.zoom);
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return {
    sx: (image.width - side) * clamp(crop.x),
    sy: (image.height - side) * clamp(crop.y),
    side,
  };
}

/** Draws the crop into a canvas of `size` pixels square. */
export function drawCrop(canvas: HTMLCanvasElement, image: HTMLImageElement, crop: Crop): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  const { sx, sy, side } = cropRect(
    { width: image.naturalWidth, height: image.naturalHeight },
    crop,
  );
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, sx, sy, side, side, 0, 0, canvas.width, canvas.height);
}

/** The cropped picture as a square PNG (JPEG for photos, which PNG would make large). */
export function cropToBlob(image: HTMLImageElement, crop: Crop, type: string): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = AVATAR_SIZE;
  canvas.height = AVATAR_SIZE;
  drawCrop(canvas, image, crop);
  const output = type === 'image/jpeg' ? 'image/jpeg' : 'image/png';
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be cropped.'))),
      output,
      0.9,
    ),
  );
}

/** Loads a picked file as an image element (object URL freed by the caller via the returned revoke). */
export function loadImage(file: Blob): Promise<{ image: HTMLImageElement; revoke: () => void }> {
  const url = URL.createObjectURL(file);
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve({ image, revoke: () => URL.revokeObjectURL(url) });
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('not an image'));
    };
    image.src = url;
  });
}
