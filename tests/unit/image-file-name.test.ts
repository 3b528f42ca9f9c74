import { describe, expect, it } from 'vitest';
import { fileName } from '../../lib/confluence/fetch-images';

describe('fileName (named in image warnings and placeholders)', () => {
  it('takes the last path segment of an attachment URL', () => {
    expect(
      fileName('https://wiki.example.org/download/attachments/12/Release%20plan.png?version=2'),
    ).toBe('Release plan.png');
  });
  it("takes Cloud media URLs' name parameter", () => {
    expect(
      fileName('https://api.media.atlassian.com/file/3a7c/image?token=x&name=missing-diagram.png'),
    ).toBe('missing-diagram.png');
  });
  it('returns what it cannot parse unchanged', () => {
    expect(fileName('not a url')).toBe('not a url');
  });
});
