import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ManagePage from '../../../../miniapp/src/packages/bulletins/pages/manage/index';
import ReceiptsPage from '../../../../miniapp/src/packages/bulletins/pages/receipts/index';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import { taroStub } from '../../support/taro-stub';
import { aMe, aSession, anOfficer } from '../../support/factories';
import { aBulletin, serve, T } from './support';

const summary = (over: Parameters<typeof aBulletin>[0] = {}) => {
  const { body: _body, ...rest } = aBulletin(over);
  return rest;
};

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  saveSession(aSession({ me: aMe({ role: 'chief', enterprise: null, memberRole: null, officer: anOfficer({ id: 'of080', stationId: 'st01' }) }) }));
});

describe('发布信息 list', () => {
  it('shows status and read x/y, and withdraws only after confirmation', async () => {
    const calls = serve({
      'GET /bulletins': () => ({ items: [summary(), summary({ id: 'b-2', kind: 'support', title: '定时的助企动态', status: 'scheduled', publishedAt: null })], nextCursor: null }),
      'POST /bulletins/b-1/withdraw': () => ({ bulletin: aBulletin({ status: 'withdrawn', version: 2 }), readAt: null, canManage: true }),
    });
    render(<ManagePage />);
    const items = await screen.findAllByTestId('managed-item');
    expect(within(items[0]).getByTestId('managed-reads').textContent).toBe('已阅知 3/12');
    expect(within(items[0]).getByTestId('managed-status').textContent).toBe('已发布');
    expect(within(items[1]).getByTestId('managed-status').textContent).toBe('定时');
    expect(within(items[1]).queryByTestId('managed-reads')).toBeNull();

    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(within(items[0]).getByTestId('withdraw'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(calls.some((c) => c.url.endsWith('/withdraw'))).toBe(false);
    fireEvent.click(within(screen.getAllByTestId('managed-item')[0]).getByTestId('withdraw'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/bulletins/b-1/withdraw'))).toBe(true));
    expect(calls.find((c) => c.url.endsWith('/withdraw'))!.data).toEqual({ version: 1 });
  });
});

describe('阅知情况', () => {
  it('pages 已阅知 / 未阅知 and reminds the unread after confirmation', async () => {
    taroStub.router.params = { id: 'b-1' };
    const calls = serve({
      'GET /bulletins/b-1': () => ({ bulletin: aBulletin(), readAt: null, canManage: true }),
      'GET /bulletins/b-1/receipts': (url) =>
        url.searchParams.get('state') === 'unread'
          ? { items: [{ enterpriseId: 'en2', enterpriseName: '重庆朝志火锅有限公司', stationId: 'st01', readAt: null }], nextCursor: null }
          : { items: [{ enterpriseId: 'en1', enterpriseName: '渝中区博利串串香店', stationId: 'st01', readAt: T }], nextCursor: null },
      'POST /bulletins/b-1/remind': () => ({ reminded: 9 }),
    });
    render(<ReceiptsPage />);
    await screen.findByText('渝中区博利串串香店');
    expect(screen.getByTestId('receipt-counts').textContent).toBe('已阅知 3 家 · 未阅知 9 家 · 共 12 家');
    fireEvent.click(within(screen.getByTestId('receipt-tabs')).getByText('未阅知'));
    await screen.findByText('重庆朝志火锅有限公司');
    fireEvent.click(screen.getByTestId('remind-unread'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/remind'))).toBe(true));
    expect((Taro.showModal as jest.Mock).mock.calls[0][0].content).toContain('9 家');
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提醒 9 家企业' })));
  });
});
