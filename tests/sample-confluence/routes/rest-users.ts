import type { UserKey } from '../content/dsl.ts';
import { USERS } from '../content/space.ts';
import type { Flavour } from '../urls.ts';

/** A v1 user object as DC (username/userKey) or Cloud (accountId) returns it. */
export function userV1(f: Flavour, key: UserKey, base: string): Record<string, unknown> {
  const u = USERS[key];
  if (f === 'dc')
    return {
      type: 'known',
      username: u.key,
      userKey: u.userKey,
      profilePicture: {
        path: '/images/icons/profilepics/default.svg',
        width: 48,
        height: 48,
        isDefault: true,
      },
      displayName: u.displayName,
      _links: { self: `${base}/rest/api/user?key=${u.userKey}` },
      _expandable: { status: '' },
    };
  return {
    type: 'known',
    accountId: u.accountId,
    accountType: 'atlassian',
    email: u.email,
    publicName: u.displayName,
    profilePicture: {
      path: `/wiki/aa-avatar/${u.accountId}`,
      width: 48,
      height: 48,
      isDefault: false,
    },
    displayName: u.displayName,
    isExternalCollaborator: false,
    _expandable: { operations: '', personalSpace: '' },
    _links: { self: `${base}/rest/api/user?accountId=${u.accountId}` },
  };
}
