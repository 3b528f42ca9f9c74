// Attachment uploads on the sample Confluence (Save to Confluence): multipart parsing, versions,
// 403/413/XSRF answers, and the uploaded bytes read back through the listing and the downloads.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, parseMultipart } from './routes/uploads.ts';
import { startSampleConfluence, type SampleConfluence } from './server.ts';

let s: SampleConfluence;
const cookie = { dc: '', cloud: '' };
type SiteName = keyof typeof cookie;

beforeAll(async () => {
  s = await startSampleConfluence();
  for (const site of ['dc', 'cloud'] as const) {
    const res = await fetch(s.loginUrl(site), { redirect: 'manual' });
    cookie[site] = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }
});
afterAll(async () => {
  await s.close();
});

const base = (site: SiteName): string => (site === 'dc' ? s.dcUrl : `${s.cloudUrl}/wiki`);

function upload(
  site: SiteName,
  path: string,
  bytes: Uint8Array<ArrayBuffer>,
  name: string,
  { method = 'POST', token = 'nocheck' }: { method?: string; token?: string } = {},
): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), name);
  form.append('minorEdit', 'true');
  return fetch(`${base(site)}/rest/api/content/${path}`, {
    method,
    body: form,
    headers: { cookie: cookie[site], ...(token ? { 'X-Atlassian-Token': token } : {}) },
  });
}

async function download(site: SiteName, pageId: number, name: string): Promise<Uint8Array> {
  const prefix = site === 'dc' ? '' : '/wiki';
  const origin = site === 'dc' ? s.dcUrl : s.cloudUrl;
  const res = await fetch(`${origin}${prefix}/download/attachments/${pageId}/${name}`, {
    headers: { cookie: cookie[site] },
  });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

describe('parseMultipart', () => {
  it('reads fields and a binary file part', () => {
    const bin = Buffer.from([0, 13, 10, 45, 45, 255]);
    const body = Buffer.concat([
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="minorEdit"\r\n\r\ntrue\r\n'),
      Buffer.from(
        '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n',
      ),
      bin,
      Buffer.from('\r\n--XyZ--\r\n'),
    ]);
    const parts = parseMultipart(body, 'multipart/form-data; boundary=XyZ');
    expect(parts?.map((p) => p.name)).toEqual(['minorEdit', 'file']);
    expect(parts?.[0]?.data.toString()).toBe('true');
    expect(parts?.[1]).toMatchObject({ fileName: 'a.pdf', contentType: 'application/pdf' });
    expect([...(parts?.[1]?.data ?? [])]).toEqual([...bin]);
    expect(parseMultipart(body, 'application/json')).toBeUndefined();
  });
});

describe.each(['dc', 'cloud'] as const)('%s uploads', (site) => {
  const pageId = 1101;
  const name = `upload-${site}.pdf`;

  it('creates an attachment, lists it and serves its bytes; a second upload is version 2', async () => {
    const first = new Uint8Array([37, 80, 68, 70, 1, 2, 3]);
    const created = await upload(site, `${pageId}/child/attachment`, first, name);
    expect(created.status).toBe(200);
    const body = (await created.json()) as {
      results: { id: string; title: string; version: { number: number } }[];
    };
    expect(body.results[0]).toMatchObject({ title: name, version: { number: 1 } });
    expect(await download(site, pageId, name)).toEqual(first);

    // POST of an existing name is refused; /data adds a version.
    expect((await upload(site, `${pageId}/child/attachment`, first, name)).status).toBe(400);
    const second = new Uint8Array([37, 80, 68, 70, 9, 9]);
    const id = body.results[0]?.id ?? '';
    const updated = await upload(site, `${pageId}/child/attachment/${id}/data`, second, name);
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ id, version: { number: 2 } });
    expect(await download(site, pageId, name)).toEqual(second);

    const list = await fetch(
      `${base(site)}/rest/api/content/${pageId}/child/attachment?filename=${name}&expand=version`,
      { headers: { cookie: cookie[site] } },
    );
    expect(await list.json()).toMatchObject({
      size: 1,
      results: [{ id, title: name, version: { number: 2 } }],
    });

    // PUT creates or updates.
    expect(
      (await upload(site, `${pageId}/child/attachment`, first, name, { method: 'PUT' })).status,
    ).toBe(200);
    expect(await download(site, pageId, name)).toEqual(first);
  });

  it('answers 403 without the XSRF header and on a read-only or restricted page', async () => {
    const pdf = new Uint8Array([1]);
    expect(
      (await upload(site, `${pageId}/child/attachment`, pdf, 'x.pdf', { token: '' })).status,
    ).toBe(403);
    expect((await upload(site, '1301/child/attachment', pdf, 'x.pdf')).status).toBe(403);
    expect((await upload(site, '1304/child/attachment', pdf, 'x.pdf')).status).toBe(403);
  });

  it('answers 413 above the size cap', async () => {
    // Only the headers are sent: the server answers from the declared length, and a client
    // still writing 20 MB could see the connection closed instead of the answer.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${base(site)}/rest/api/content/${pageId}/child/attachment`,
        {
          method: 'POST',
          headers: {
            cookie: cookie[site],
            'X-Atlassian-Token': 'nocheck',
            'content-type': 'multipart/form-data; boundary=x',
            'content-length': String(MAX_UPLOAD_BYTES + 1),
          },
        },
        (res) => {
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(status).toBe(413);
  });
});
