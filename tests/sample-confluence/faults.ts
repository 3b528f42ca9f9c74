import { sendJson, type Ctx } from './app.ts';

/**
 * Applies the configured faults to a fault-eligible request. Returns true when it answered
 * (429 or 500) and the route must not run.
 */
export function injectFault(ctx: Ctx): boolean {
  const { faults } = ctx.app;
  const n = ++ctx.app.faultCounter;
  const v2 = ctx.url.pathname.startsWith('/wiki/api/v2/');
  if (faults.rate429Every && n % faults.rate429Every === 0) {
    const after = faults.retryAfterSeconds ?? 1;
    // Cloud sends Retry-After and X-RateLimit-Reset; DC's token bucket sends X-RateLimit-* too.
    sendJson(
      ctx.res,
      429,
      v2
        ? {
            errors: [
              { status: 429, code: 'TOO_MANY_REQUESTS', title: 'Too Many Requests', detail: null },
            ],
          }
        : { statusCode: 429, message: 'Rate limit exceeded', reason: 'Too Many Requests' },
      {
        'Retry-After': String(after),
        'X-RateLimit-Limit': '100',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Interval-Seconds': '1',
        'X-RateLimit-FillRate': '10',
        'X-RateLimit-Reset': new Date(Date.now() + after * 1000).toISOString(),
      },
    );
    return true;
  }
  if (faults.error500Every && n % faults.error500Every === 0) {
    sendJson(
      ctx.res,
      500,
      v2
        ? {
            errors: [
              {
                status: 500,
                code: 'INTERNAL_SERVER_ERROR',
                title: 'Internal Server Error',
                detail: null,
              },
            ],
          }
        : { statusCode: 500, message: 'Injected failure', reason: 'Internal Server Error' },
    );
    return true;
  }
  return false;
}
