import { readPdf, squash } from '../helpers/read-pdf';
import { exportedFile } from './harness/extension';
import { expect, test } from './harness/sample';

/** The sample's blog posts, with their author and publish date as en-GB "long" dates print them. */
const POSTS = [
  {
    title: 'Offprint 1.0 is out',
    author: 'Bram Okafor',
    date: '14 March 2025',
    body: ['Confluence pages to PDF, entirely in the browser.', 'Right-to-left scripts'],
  },
  {
    title: 'Quarterly Operations Review',
    author: 'Alice Moreau',
    date: '30 June 2025',
    body: ['Uptime this quarter was 99.97 %', 'Rotate the on-call schedule'],
  },
] as const;

const normal = (text: string): string => squash(text).toLowerCase();

for (const site of ['dc', 'cloud'] as const) {
  for (const post of POSTS) {
    test(`${site}: the toolbar button exports the blog post "${post.title}" with its author and date`, async ({
      ext,
      sample,
    }) => {
      const page = await ext.context.newPage();
      await page.goto(sample.loginUrl(site));
      const url = sample.pageUrl(site, post.title);
      // Confluence's dated blog URLs: /display/KEY/YYYY/MM/DD/Title, /wiki/spaces/KEY/blog/YYYY/MM/DD/ID/Title
      expect(url).toMatch(
        site === 'dc'
          ? /\/display\/DOC\/\d{4}\/\d{2}\/\d{2}\/[^/]+$/
          : /\/blog\/\d{4}\/\d{2}\/\d{2}\/\d+\//,
      );
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);

      const { file } = exportedFile(await ext.exportViaAction(page));
      expect(file.fileName).toBe(`${post.title}.pdf`);

      const pdf = await readPdf(file.bytes);
      const text = normal(pdf.text);
      expect(text).toContain(normal(post.title));
      for (const line of post.body) expect(text).toContain(normal(line));
      // The metadata line under the title: "By <author> · Last updated <date>".
      const byline = normal(`By ${post.author}`);
      expect(text).toContain(byline);
      expect(text).toContain(normal(`Last updated ${post.date}`));
      expect(text.indexOf(normal(post.title))).toBeLessThan(text.indexOf(byline));
      expect(ext.foreignRequests(sample.origins)).toEqual([]);
    });
  }
}
