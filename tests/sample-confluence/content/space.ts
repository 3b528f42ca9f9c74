import type { EmojiKey, UserKey } from './dsl.ts';

/** The one space of the sample site (same on both flavours). */
export const SPACE = {
  key: 'DOC',
  name: 'Documentation',
  /** Numeric space id (Cloud v2 uses it as `spaceId`; DC v1 as `space.id`). */
  id: 98305,
  homePageId: 1000,
} as const;

export interface User {
  key: UserKey;
  displayName: string;
  /** DC user key (hex) and Cloud account id. */
  userKey: string;
  accountId: string;
  email: string;
}

export const USERS: Record<UserKey, User> = {
  amoreau: {
    key: 'amoreau',
    displayName: 'Alice Moreau',
    userKey: '8a7f808a6f1c2b3d016f1c2b5e7a0001',
    accountId: '557058:1a2b3c4d-0001-4e5f-8a9b-000000000001',
    email: 'alice.moreau@example.com',
  },
  bokafor: {
    key: 'bokafor',
    displayName: 'Bram Okafor',
    userKey: '8a7f808a6f1c2b3d016f1c2b5e7a0002',
    accountId: '557058:1a2b3c4d-0002-4e5f-8a9b-000000000002',
    email: 'bram.okafor@example.com',
  },
  cwei: {
    key: 'cwei',
    displayName: 'Chen Wei',
    userKey: '8a7f808a6f1c2b3d016f1c2b5e7a0003',
    accountId: '557058:1a2b3c4d-0003-4e5f-8a9b-000000000003',
    email: 'chen.wei@example.com',
  },
  jdoe: {
    key: 'jdoe',
    displayName: 'Jordan Doe',
    userKey: '8a7f808a6f1c2b3d016f1c2b5e7a0004',
    accountId: '557058:1a2b3c4d-0004-4e5f-8a9b-000000000004',
    email: 'jordan.doe@example.com',
  },
};

/** The signed-in user of every session. */
export const REMOTE_USER: UserKey = 'jdoe';

export interface Emoji {
  id: string;
  shortName: string;
  text: string;
  /** DC emoticon name (`emoticon-<name>`), where DC has one. */
  dcName: string;
}

export const EMOJI: Record<EmojiKey, Emoji> = {
  smile: { id: '1f604', shortName: ':smile:', text: '😄', dcName: 'smile' },
  thumbsup: { id: '1f44d', shortName: ':thumbsup:', text: '👍', dcName: 'thumbs-up' },
  warning: { id: '26a0', shortName: ':warning:', text: '⚠️', dcName: 'warning' },
  tick: { id: '2705', shortName: ':white_check_mark:', text: '✅', dcName: 'tick' },
  bulb: { id: '1f4a1', shortName: ':bulb:', text: '💡', dcName: 'light-on' },
};

/** Page ids that once existed and were deleted (404 everywhere). */
export const DELETED_PAGE_IDS = [9999];
