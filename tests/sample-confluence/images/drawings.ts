import { Raster, type Rgb } from './raster.ts';

const BLUE: Rgb = [0, 82, 204];
const TEAL: Rgb = [0, 163, 191];
const GREEN: Rgb = [54, 179, 126];
const YELLOW: Rgb = [255, 171, 0];
const RED: Rgb = [222, 53, 11];
const PURPLE: Rgb = [101, 84, 192];
const GREY: Rgb = [66, 82, 110];
const LIGHT: Rgb = [244, 245, 247];
const WHITE: Rgb = [255, 255, 255];

/** A box-and-arrow architecture diagram, 640x360. */
export function drawDiagram(): Raster {
  const r = new Raster(640, 360, LIGHT);
  r.strokeRect(8, 8, 624, 344, GREY, 2);
  const boxes: [number, number, Rgb][] = [
    [40, 60, BLUE],
    [250, 60, TEAL],
    [460, 60, PURPLE],
    [250, 230, GREEN],
    [460, 230, YELLOW],
  ];
  for (const [x, y, c] of boxes) {
    r.fillRect(x + 6, y + 6, 140, 80, [200, 204, 212]); // shadow
    r.fillRect(x, y, 140, 80, c);
    r.fillRect(x + 12, y + 14, 90, 8, WHITE); // a "label" bar
    r.fillRect(x + 12, y + 30, 60, 6, WHITE);
  }
  r.line(180, 100, 250, 100, GREY, 3);
  r.line(390, 100, 460, 100, GREY, 3);
  r.line(320, 140, 320, 230, GREY, 3);
  r.line(390, 270, 460, 270, GREY, 3);
  r.fillRect(604, 320, 20, 20, RED); // a marker in the corner, easy to find in a rendered PDF
  return r;
}

/** A landscape "photo": sky gradient, sun, hills, 320x200 (for the JPEG). */
export function drawPhoto(): Raster {
  const r = new Raster(320, 200);
  for (let y = 0; y < 200; y++) {
    const t = y / 199;
    const c: Rgb = [Math.round(30 + t * 212), Math.round(90 + t * 87), Math.round(168 - t * 116)];
    r.fillRect(0, y, 320, 1, c);
  }
  r.fillCircle(240, 60, 28, [255, 236, 179]);
  for (let x = 0; x < 320; x++) {
    const h = Math.round(140 + 25 * Math.sin(x / 37) + 12 * Math.sin(x / 11));
    r.fillRect(x, h, 1, 200 - h, [45, 106, 79]);
  }
  return r;
}

/** The colours the GIF uses (a GIF needs a palette). */
export const GIF_PALETTE: Rgb[] = [WHITE, BLUE, GREEN, RED];

/** Two frames of a status "spinner", 64x64. */
export function drawSpinnerFrames(): Raster[] {
  return [0, 1].map((f) => {
    const r = new Raster(64, 64, WHITE);
    r.fillCircle(32, 32, 26, f === 0 ? BLUE : GREEN);
    r.fillCircle(32, 32, 14, WHITE);
    r.fillRect(f === 0 ? 28 : 4, f === 0 ? 4 : 28, 8, 8, RED);
    return r;
  });
}

/** A wide banner served as an "external" image, 600x120. */
export function drawBanner(): Raster {
  const r = new Raster(600, 120, BLUE);
  for (let i = 0; i < 6; i++) r.fillRect(20 + i * 95, 30, 70, 60, i % 2 ? TEAL : YELLOW);
  return r;
}
