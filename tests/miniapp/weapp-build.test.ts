/**
 * The real WeChat build (miniapp/dist/weapp, made by `npm test` / `npm run build:weapp` before Jest runs):
 * every page the app navigates to is in it with its files, and the main package stays under WeChat's limit.
 */
import path from 'node:path';
import { checkWeapp, formatReport, LIMITS } from '../../scripts/check-weapp';
import { PAGES } from '../../miniapp/src/services/navigation';

const DIST = path.resolve(__dirname, '../../miniapp/dist/weapp');

describe('weapp build (miniapp/dist/weapp)', () => {
  const report = checkWeapp(DIST);

  it('has every page with its .js/.json/.wxml and the main package within 2 MB', () => {
    console.log(formatReport(report));
    expect(report.problems).toEqual([]);
    expect(report.main.bytes).toBeLessThanOrEqual(LIMITS.packageBytes);
  });

  it('contains every page of the navigation table, new modules in subpackages', () => {
    const built = new Set([...report.main.pages, ...report.subpackages.flatMap((s) => s.pages)]);
    for (const url of Object.values(PAGES)) expect(built).toContain(url.replace(/^\//, ''));
    // Only the tab pages live in the main package.
    expect(report.main.pages).toEqual(['pages/index/index', 'pages/mine/index']);
  });
});
