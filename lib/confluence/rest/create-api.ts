import { createCloudApi } from './cloud-v2';
import { createDcApi } from './dc-v1';
import type { Http } from './http';
import type { ConfluenceApi } from './types';

/** The REST client for a site of the given flavour (see `identifyPage`). */
export function createConfluenceApi(
  flavour: 'cloud' | 'datacenter',
  siteBase: string,
  http: Http,
  options: { pageSize?: number } = {},
): ConfluenceApi {
  return flavour === 'cloud'
    ? createCloudApi(http, siteBase, options)
    : createDcApi(http, siteBase, options);
}
