import { sendJson, type Ctx, type Faults } from '../app.ts';

function readBody(ctx: Ctx): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    ctx.req.setEncoding('utf8');
    ctx.req.on('data', (c: string) => (data += c));
    ctx.req.on('end', () => resolve(data));
    ctx.req.on('error', reject);
  });
}

/** Validates a faults object from JSON. */
export function parseFaults(v: unknown): Faults | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const out: Faults = {};
  for (const k of ['rate429Every', 'retryAfterSeconds', 'error500Every'] as const) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined || x === null) continue;
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) return undefined;
    out[k] = x;
  }
  return out;
}

/** `POST /__control/faults` with `{ rate429Every?, retryAfterSeconds?, error500Every? }` (`{}` clears). */
export async function postFaults(ctx: Ctx): Promise<void> {
  let parsed: unknown;
  try {
    parsed = JSON.parse((await readBody(ctx)) || '{}');
  } catch {
    return sendJson(ctx.res, 400, { error: 'body must be JSON' });
  }
  const faults = parseFaults(parsed);
  if (!faults)
    return sendJson(ctx.res, 400, {
      error: 'expected { rate429Every?, retryAfterSeconds?, error500Every? } with numbers',
    });
  ctx.app.faults = faults;
  ctx.app.faultCounter = 0;
  sendJson(ctx.res, 200, { faults });
}

/** `GET /__control/requests`: the request log; `DELETE` clears it. */
export function requests(ctx: Ctx): void {
  if (ctx.req.method === 'DELETE') ctx.app.requests.length = 0;
  sendJson(ctx.res, 200, { requests: ctx.app.requests });
}
