import Taro from '@tarojs/taro';
import type { Bulletin, FeedEntry } from '../../../../shared/bulletins/schemas';
import { http } from '../../support/factories';

export const T = '2026-10-28T07:00:00.000Z';
export const request = () => Taro.request as unknown as jest.Mock;
export type Call = { url: string; method: string; data?: unknown };

export const anEntry = (over: Partial<FeedEntry> = {}): FeedEntry => ({
  bulletinId: 'b-1',
  kind: 'risk',
  title: '警惕冒充平台客服退款诈骗',
  summary: '近期有不法分子冒充平台客服……',
  publisherName: '解放碑派出所',
  publishedAt: T,
  readAt: null,
  ...over,
});

export const aBulletin = (over: Partial<Bulletin> = {}): Bulletin => ({
  id: 'b-1',
  kind: 'risk',
  title: '警惕冒充平台客服退款诈骗',
  body: {
    blocks: [
      { type: 'heading', text: '防范要点' },
      { type: 'paragraph', spans: [{ text: '平台' }, { text: '不会', bold: true }, { text: '要求共享屏幕。' }] },
      { type: 'list', items: [[{ text: '请拨打96110' }]] },
    ],
  },
  summary: '防范要点 平台不会要求共享屏幕。',
  audience: { type: 'industry', industry: 'hospitality', stationId: 'st01' },
  audienceLabel: '解放碑派出所住宿和餐饮业企业',
  publisher: { role: 'chief', id: 'of080', name: '解放碑派出所', stationId: 'st01' },
  status: 'published',
  createdAt: T,
  publishAt: T,
  publishedAt: T,
  withdrawnAt: null,
  audienceCount: 12,
  readCount: 3,
  delivered: true,
  remindedAt: null,
  version: 1,
  ...over,
});

/** Route a fake API by method and path; unmatched calls fail the test. */
export function serve(routes: Record<string, (url: URL, call: Call) => unknown>): Call[] {
  const calls: Call[] = [];
  request().mockImplementation((opts: Call) => {
    calls.push(opts);
    const url = new URL(opts.url, 'http://x');
    for (const [key, fn] of Object.entries(routes)) {
      const [method, pattern] = key.split(' ');
      if (method === opts.method && new RegExp(`${pattern}$`).test(url.pathname)) {
        const out = fn(url, opts);
        return Promise.resolve(out && typeof out === 'object' && 'statusCode' in (out as object) ? out : http(200, out));
      }
    }
    return Promise.reject(new Error(`unexpected ${opts.method} ${opts.url}`));
  });
  return calls;
}
