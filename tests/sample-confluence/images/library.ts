import { drawBanner, drawDiagram, drawPhoto, drawSpinnerFrames, GIF_PALETTE } from './drawings.ts';
import { encodeGif } from './gif.ts';
import { encodeJpeg } from './jpeg.ts';
import { encodePng } from './png.ts';
import { logoSvg } from './svg.ts';

/** One file the sample Confluence can serve: an attachment or an "external" image. */
export interface FileAsset {
  name: string;
  mime: string;
  bytes: Buffer;
  width?: number;
  height?: number;
}

type Maker = () => Omit<FileAsset, 'name'>;

const MAKERS: Record<string, Maker> = {
  'architecture-diagram.png': () => ({
    mime: 'image/png',
    bytes: encodePng(drawDiagram()),
    width: 640,
    height: 360,
  }),
  'datacentre-photo.jpg': () => ({
    mime: 'image/jpeg',
    bytes: encodeJpeg(drawPhoto(), 80),
    width: 320,
    height: 200,
  }),
  'build-status.gif': () => ({
    mime: 'image/gif',
    bytes: encodeGif(drawSpinnerFrames(), GIF_PALETTE),
    width: 64,
    height: 64,
  }),
  'offprint-logo.svg': () => ({
    mime: 'image/svg+xml',
    bytes: Buffer.from(logoSvg(), 'utf8'),
    width: 400,
    height: 200,
  }),
  'banner.png': () => ({
    mime: 'image/png',
    bytes: encodePng(drawBanner()),
    width: 600,
    height: 120,
  }),
  'review-checklist.txt': () => ({
    mime: 'text/plain',
    bytes: Buffer.from(
      'Code review checklist\n- Tests added\n- Docs updated\n- Security reviewed\n',
    ),
  }),
  'retention-schedule.csv': () => ({
    mime: 'text/csv',
    bytes: Buffer.from('record,retention,owner\naudit-log,7y,Security\ninvoices,10y,Finance\n'),
  }),
};

const cache = new Map<string, FileAsset>();

/** The named file, generated on first use (no binary files live in the repository). */
export function getFile(name: string): FileAsset | undefined {
  const hit = cache.get(name);
  if (hit) return hit;
  const make = MAKERS[name];
  if (!make) return undefined;
  const asset = { name, ...make() };
  cache.set(name, asset);
  return asset;
}

/** Every file name the library can produce. */
export const FILE_NAMES = Object.keys(MAKERS);
