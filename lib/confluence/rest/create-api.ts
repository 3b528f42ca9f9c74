import { createCloudApi } from './cloud-v2';
import { createDcApi } from './dc-v1';
import type { Http } from './http';
import type { Deployment } from '../page-identity';
import type { ConfluenceApi } from './types';

/** The REST client for a site of the given deployment (see `identifyPage`). */
export function createConfluenceApi(
  deployment: Deployment,
  siteBase: string,
  http: Http,
  options: { pageSize?: number } = {},
): ConfluenceApi {
  return deployment === 'cloud'
    ? createCloudApi(http, siteBase, options)
    : createDcApi(http, siteBase, options);
}
