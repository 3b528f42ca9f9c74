// The "foreign" host of the hostile corpus: a listener on 127.0.0.2 (loopback, never a real
// external address) that answers everything with 204 and records every hit with its time, so a
// test can tell requests made while the page loaded from requests made during an export.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setForeignOrigin } from './routes.ts';

export interface ForeignHit {
  url: string;
  at: number;
}

export interface ForeignHost {
  origin: string;
  hits: ForeignHit[];
  close(): Promise<void>;
}

/**
 * Starts the foreign host and points the hostile pages' beacons at it (until then they point at
 * an unresolvable `.invalid` host).
 */
export async function startForeignHost(address = '127.0.0.2'): Promise<ForeignHost> {
  const hits: ForeignHit[] = [];
  const server = createServer((req, res) => {
    hits.push({ url: req.url ?? '/', at: Date.now() });
    res.writeHead(204, { 'Access-Control-Allow-Origin': '*' });
    res.end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, () => resolve());
  });
  const origin = `http://${address}:${(server.address() as AddressInfo).port}`;
  setForeignOrigin(origin);
  return {
    origin,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
