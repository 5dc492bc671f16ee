import Taro from '@tarojs/taro';
import { fireEvent, render, screen, within } from '@testing-library/react';
import PoliceSearchPage from '../../../../miniapp/src/packages/police/pages/search/index';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import type { EnterpriseHit } from '../../../../shared/search/schemas';
import type { AppealSummary } from '../../../../shared/appeals/views';
import { taroStub } from '../../support/taro-stub';
import { aMe, aSession, http } from '../../support/factories';

const request = () => Taro.request as unknown as jest.Mock;

const hit = (n: number, name: string): EnterpriseHit => ({ id: `en${n}`, name, creditCode: `91500103MA5U8K${String(n).padStart(4, '0')}`, industry: 'hospitality', stationId: 'st01' });
const appeal = (id: string, title: string): AppealSummary =>
  ({
    id,
    title,
    type: 'dispute',
    category: 'public-order',
    urgency: 'normal',
    status: 'submitted',
    enterpriseId: 'en1',
    enterpriseName: '重庆朝志火锅有限公司',
    stationId: 'st01',
    officerId: 'of1',
    officerName: '王警官',
    createdAt: '2026-11-02T02:00:00.000Z',
    acceptDueAt: '2026-11-03T02:00:00.000Z',
    resolveDueAt: '2026-11-09T02:00:00.000Z',
    dueAt: '2026-11-03T02:00:00.000Z',
    escalated: false,
    rectification: 'none',
  }) as AppealSummary;

type Call = { url: string; method: string };

/** Enterprise search answers two pages for 火锅, nothing for anything else; appeal search one page. */
function serve() {
  const calls: URL[] = [];
  request().mockImplementation((opts: Call) => {
    const url = new URL(opts.url, 'http://x');
    calls.push(url);
    const q = url.searchParams.get('q');
    if (url.pathname.endsWith('/search/enterprises')) {
      if (q !== '火锅') return Promise.resolve(http(200, { items: [], nextCursor: null }));
      return Promise.resolve(
        http(200, url.searchParams.get('cursor') ? { items: [hit(3, '博诚（重庆）火锅有限公司')], nextCursor: null } : { items: [hit(1, '重庆朝志火锅有限公司'), hit(2, '渝中区星新火锅店')], nextCursor: 'c2' }),
      );
    }
    if (url.pathname.endsWith('/search/appeals')) return Promise.resolve(http(200, { items: [appeal('ap1', '夜间施工噪音扰民')], nextCursor: null }));
    return Promise.reject(new Error(`unexpected ${opts.method} ${opts.url}`));
  });
  return calls;
}

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  saveSession(aSession({ me: aMe({ role: 'chief', enterprise: null, memberRole: null }) }));
});

const search = (q: string) => {
  fireEvent.change(within(screen.getByTestId('search-query')).getByRole('textbox'), { target: { value: q } });
  fireEvent.click(screen.getByTestId('search-button'));
};

describe('检索 page (police)', () => {
  it('says where it searches before a query, and asks for two characters', () => {
    const calls = serve();
    render(<PoliceSearchPage />);
    expect(screen.getByText('在本所企业中查找')).toBeTruthy();
    search('火');
    expect(screen.getByText('请至少输入两个字')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('finds enterprises, loads the next page and opens the enterprise file', async () => {
    const calls = serve();
    render(<PoliceSearchPage />);
    search('火锅');
    expect(screen.getByText('正在查找…')).toBeTruthy();
    expect(await screen.findByText('重庆朝志火锅有限公司')).toBeTruthy();
    expect(screen.getAllByTestId('enterprise-hit')).toHaveLength(2);
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('博诚（重庆）火锅有限公司')).toBeTruthy();
    expect(calls[1].searchParams.get('cursor')).toBe('c2');
    fireEvent.click(screen.getByText('渝中区星新火锅店'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/enterprise/pages/file/index?enterpriseId=en2' });
  });

  it('says 未找到相关结果 when nothing matches', async () => {
    serve();
    render(<PoliceSearchPage />);
    search('不存在的企业');
    expect(await screen.findByText('未找到相关结果')).toBeTruthy();
  });

  it('switches to 诉求 and searches appeals with the same words', async () => {
    const calls = serve();
    render(<PoliceSearchPage />);
    fireEvent.click(within(screen.getByTestId('search-kind')).getByText('诉求'));
    search('噪音');
    expect(await screen.findByText('夜间施工噪音扰民')).toBeTruthy();
    expect(calls.map((c) => c.pathname.split('/').slice(-2).join('/'))).toEqual(['search/appeals']);
    fireEvent.click(screen.getByTestId('appeal-item'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/appeals/pages/detail/index?id=ap1' });
  });
});
