import type { Inline } from '../../model/types';
import { linkTarget } from '../link-target';
import type { ReadState } from '../state';
import { cleanText, find, findAll, unsafeUrl } from '../util';
import { lozengeColour } from './status';

/**
 * Single Jira issue macro. View: `span.confluence-jim-macro.jira-issue[data-jira-key]` holding
 * `a.jira-issue-key`, `span.summary` and a status `span.aui-lozenge` (placeholders such as
 * "Getting issue details..." / "STATUS" in exports are what the page shows). Key as a link,
 * " - summary", then the status.
 */
export function jiraIssue(state: ReadState, el: Element): Inline[] {
  const keyLink = find(el, 'a.jira-issue-key, a[href]');
  const key = el.getAttribute('data-jira-key') ?? cleanText(keyLink);
  const out: Inline[] = [];
  const href = keyLink?.getAttribute('href') ?? '';
  const keyText = cleanText(keyLink) || key;
  if (keyText) {
    if (href && !unsafeUrl(href) && keyLink) {
      out.push({
        type: 'link',
        target: linkTarget(state, keyLink, href),
        inlines: [{ type: 'text', text: keyText }],
      });
    } else out.push({ type: 'text', text: keyText });
  }
  const summary = cleanText(find(el, '.summary'));
  if (summary) out.push({ type: 'text', text: ` - ${summary}` });
  for (const loz of findAll(el, '.aui-lozenge')) {
    const text = cleanText(loz);
    if (text)
      out.push(
        { type: 'text', text: ' ' },
        { type: 'status', text, colour: lozengeColour(loz), subtle: true },
      );
  }
  if (!out.length) {
    const text = cleanText(el);
    if (text) out.push({ type: 'text', text });
  }
  return out;
}
