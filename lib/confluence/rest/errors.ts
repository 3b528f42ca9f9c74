/**
 * Typed failures of Confluence's REST API. The walker turns `PageForbiddenError` and
 * `PageNotFoundError` into skipped pages; `NotLoggedInError` stops the whole export.
 */

/** Any REST failure, with the request it concerns and (when there was one) the HTTP status. */
export class RestError extends Error {
  override name = 'RestError';
  readonly url: string;
  readonly status: number | undefined;

  constructor(message: string, url: string, status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.url = url;
    this.status = status;
  }
}

/** 401 (or a login page instead of JSON): the session is gone; nothing else will work either. */
export class NotLoggedInError extends RestError {
  override name = 'NotLoggedInError';
  constructor(url: string, options?: { cause?: unknown }) {
    super('Not logged in: log in to Confluence and try again.', url, 401, options);
  }
}

/** 403: the page exists but this user may not read it. */
export class PageForbiddenError extends RestError {
  override name = 'PageForbiddenError';
}

/** 404: no such page (deleted, moved to the trash, or of a type this endpoint lacks). */
export class PageNotFoundError extends RestError {
  override name = 'PageNotFoundError';
}

/** Still rate limited (or failing) after every retry the budget allows. */
export class RetriesExhaustedError extends RestError {
  override name = 'RetriesExhaustedError';
}

/** The export was cancelled. */
export class AbortedError extends Error {
  override name = 'AbortError';
  constructor(options?: { cause?: unknown }) {
    super('Export cancelled.', options);
  }
}

/** The error to reject with once `signal` has fired: its reason if that is an Error. */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof AbortedError || reason instanceof RestError) return reason;
  // The platform's own abort() reason is a DOMException named AbortError: say "cancelled".
  return new AbortedError({ cause: reason });
}

/** Whether an error means "cancelled" (ours, or the platform's DOMException). */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
