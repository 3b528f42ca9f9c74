// `npm run sample-confluence [-- --port 8090] [-- --quiet]`: starts the sample Confluence and
// prints where everything is.
import { KITCHEN_SINK } from './content/kitchen-sink.ts';
import { SPACE } from './content/space.ts';
import { startSampleConfluence } from './server.ts';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port =
  portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.SAMPLE_CONFLUENCE_PORT ?? 0);

const s = await startSampleConfluence({ port, verbose: !args.includes('--quiet') });
const lines = [
  'Sample Confluence is running.',
  '',
  `Data Center  ${s.dcUrl}`,
  `  log in     ${s.loginUrl('dc')}`,
  `  home       ${s.pageUrl('dc', SPACE.homePageId)}`,
  `  kitchen    ${s.pageUrl('dc', KITCHEN_SINK.id)}`,
  `  by id      ${s.dcUrl}/pages/viewpage.action?pageId=1101`,
  `  REST       ${s.dcUrl}/rest/api/content/1101?expand=body.export_view,version,space,ancestors,history`,
  '',
  `Cloud        ${s.cloudUrl}/wiki`,
  `  log in     ${s.loginUrl('cloud')}`,
  `  home       ${s.pageUrl('cloud', SPACE.homePageId)}`,
  `  kitchen    ${s.pageUrl('cloud', KITCHEN_SINK.id)}`,
  `  REST v2    ${s.cloudUrl}/wiki/api/v2/pages/1101?body-format=export_view`,
  `  media      ${s.mediaUrl}`,
  '',
  `Faults: curl -X POST ${s.dcUrl}/__control/faults -d '{"rate429Every":3,"retryAfterSeconds":1}'`,
  'Ctrl+C to stop.',
];
console.log(lines.join('\n'));

const stop = (): void => {
  void s.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
