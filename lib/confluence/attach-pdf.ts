import { fail, ok, type Result } from '../messaging/protocol';
import { fetchRetrying } from './rest/fetch-retrying';

/** The attachment a PDF became on its Confluence page. */
export interface AttachedPdf {
  attachmentId: string;
  fileName: string;
  /** Attachment version: 1 for a new attachment, n+1 when the page had one of that name. */
  version: number;
}

const NOT_TAKEN: ReadonlySet<number> = new Set([429, 503]);

// Confluence refuses multipart POSTs without it (XSRF protection), DC and Cloud alike.
const XSRF_HEADERS = { 'X-Atlassian-Token': 'nocheck', Accept: 'application/json' };

/**
 * Uploads `pdf` as an attachment of page `pageId`, from the Confluence tab itself (same origin, the
 * user's session). Confluence's v1 REST API, the same on Data Center (`{base}/rest/api`) and Cloud
 * (`{base}` ends in `/wiki`): `GET …/child/attachment?filename=` finds an attachment of that name;
 * then `POST …/child/attachment/{attachmentId}/data` adds a version to it, or
 * `POST …/child/attachment` creates it. Both take multipart `file` + `minorEdit`.
 */
export async function attachPdf(
  siteBase: string,
  pageId: string,
  fileName: string,
  pdf: Blob,
): Promise<Result<AttachedPdf>> {
  const base = `${siteBase}/rest/api/content/${encodeURIComponent(pageId)}/child/attachment`;
  try {
    const found = await fetchRetrying(
      `${base}?filename=${encodeURIComponent(fileName)}&expand=version`,
      { credentials: 'same-origin', headers: { Accept: 'application/json' } },
    );
    if (!found.ok) return fail(reason(found.status));
    const existing = firstAttachment(await found.json());
    const form = new FormData();
    form.append('file', pdf, fileName);
    form.append('minorEdit', 'true');
    form.append('comment', 'Exported with Offprint');
    // Only answers that say the upload was not taken are retried: after a 500 it may have been
    // saved, and a second POST would add a second version.
    const response = await fetchRetrying(
      existing ? `${base}/${existing.id}/data` : base,
      { method: 'POST', credentials: 'same-origin', headers: XSRF_HEADERS, body: form },
      { retryOn: NOT_TAKEN },
    );
    if (!response.ok) return fail(reason(response.status));
    const saved = firstAttachment(await response.json());
    if (!saved) return fail('Confluence did not say which attachment it saved.');
    return ok({
      attachmentId: saved.id,
      fileName: saved.title ?? fileName,
      version: saved.version ?? (existing?.version ?? 0) + 1,
    });
  } catch (error) {
    return fail(`Confluence could not be reached (${(error as Error).message}).`);
  }
}

function reason(status: number): string {
  if (status === 401) return 'you are not logged in to Confluence (401).';
  if (status === 403)
    return 'you may not add attachments to this page, or Confluence refused the request (403).';
  if (status === 404) return 'Confluence does not know this page (404).';
  if (status === 413) return 'the PDF is larger than this Confluence site accepts (413).';
  return `Confluence answered ${status}.`;
}

interface AttachmentRef {
  id: string;
  title?: string;
  version?: number;
}

/** The attachment in a v1 answer: a single content object, or the first of `results`. */
function firstAttachment(body: unknown): AttachmentRef | undefined {
  const item = isRecord(body) && Array.isArray(body.results) ? (body.results[0] as unknown) : body;
  if (!isRecord(item) || typeof item.id !== 'string') return undefined;
  const version = isRecord(item.version) ? item.version.number : undefined;
  return {
    id: item.id,
    ...(typeof item.title === 'string' ? { title: item.title } : {}),
    ...(typeof version === 'number' ? { version } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
