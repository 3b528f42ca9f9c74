import { createHash, createHmac } from 'node:crypto';
import type { PageDef, Text } from './content/dsl.ts';
import { SPACE } from './content/space.ts';

/** Which imitation a URL or rendering belongs to. */
export type Flavour = 'dc' | 'cloud';

/** Where each site lives; filled in once the listeners have their ports. */
export interface Sites {
  /** e.g. http://127.0.0.1:41001 (DC, context path ''). */
  dcOrigin: string;
  /** e.g. http://127.0.0.1:41002 (Cloud; Confluence lives under /wiki). */
  cloudOrigin: string;
  /** e.g. http://127.0.0.1:41003 (the imitation of api.media.atlassian.com). */
  mediaOrigin: string;
}

/** The site base as Confluence's `_links.base` gives it. */
export const baseUrl = (s: Sites, f: Flavour): string =>
  f === 'dc' ? s.dcOrigin : `${s.cloudOrigin}/wiki`;

/** Confluence's title slug: spaces become '+', the rest percent-encoded. */
export const slug = (title: string): string => encodeURIComponent(title).replace(/%20/g, '+');

/** Path (no origin) of a page's web UI. */
export function pagePath(f: Flavour, p: PageDef): string {
  if (p.type === 'blogpost') {
    const day = p.updated.slice(0, 10).replace(/-/g, '/');
    return f === 'dc'
      ? `/display/${SPACE.key}/${day}/${slug(p.title)}`
      : `/wiki/spaces/${SPACE.key}/blog/${day}/${p.id}/${slug(p.title)}`;
  }
  return f === 'dc'
    ? `/display/${SPACE.key}/${slug(p.title)}`
    : `/wiki/spaces/${SPACE.key}/pages/${p.id}/${slug(p.title)}`;
}

/** Fixed modification time of every attachment (ms), so URLs are stable. */
export const ATTACHMENT_MTIME = 1733054400000;

/** Path of an attachment download, as Confluence writes it in page markup. */
export function attachmentPath(f: Flavour, pageId: number, file: string): string {
  const prefix = f === 'dc' ? '' : '/wiki';
  return `${prefix}/download/attachments/${pageId}/${encodeURIComponent(file)}?version=1&modificationDate=${ATTACHMENT_MTIME}&api=v2`;
}

/** Numeric attachment id: page id * 100 + position (99 for a file the page lacks). */
export function attachmentId(p: PageDef, file: string): number {
  const n = p.attachments?.indexOf(file) ?? -1;
  return p.id * 100 + (n < 0 ? 99 : n + 1);
}

/** A stable UUID-shaped media file id for Cloud. */
export function mediaFileId(pageId: number, file: string): string {
  const h = createHash('sha1').update(`${pageId}/${file}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const MEDIA_SECRET = createHash('sha256')
  .update(`offprint-sample-${process.pid}-${Date.now()}`)
  .digest();

/** The short-lived token Cloud appends to media URLs (here: an HMAC of the file id). */
export const mediaToken = (fileId: string): string =>
  createHmac('sha256', MEDIA_SECRET).update(fileId).digest('base64url');

/** URL of a Cloud media file on the media origin (`/image` for display, `/binary` to download). */
export function mediaUrl(s: Sites, pageId: number, file: string, kind: 'image' | 'binary'): string {
  const id = mediaFileId(pageId, file);
  const q = new URLSearchParams({
    token: mediaToken(id),
    client: 'sample-client',
    collection: `contentId-${pageId}`,
    name: file,
  });
  return `${s.mediaOrigin}/file/${id}/${kind}?${q.toString()}`;
}

/** Plain text of DSL text (for anchors and titles). */
export function plain(t: Text): string {
  if (typeof t === 'string') return t;
  return t.map((x) => (typeof x === 'string' ? x : 'text' in x ? x.text : '')).join('');
}

/** Heading anchor id as each flavour writes it. */
export function anchorId(f: Flavour, pageTitle: string, heading: string): string {
  return f === 'dc'
    ? `${pageTitle.replace(/\s+/g, '')}-${heading.replace(/\s+/g, '')}`
    : heading.trim().replace(/\s+/g, '-');
}

/** HTML-escapes text for element content and attribute values. */
export function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** "24 Dec 2024" from "2024-12-24". */
export function formatDate(iso: string, style: 'dmy' | 'mdy' = 'dmy'): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const m = d.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return style === 'dmy'
    ? `${d.getUTCDate()} ${m} ${d.getUTCFullYear()}`
    : `${m} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}
