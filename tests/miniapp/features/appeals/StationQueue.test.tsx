import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { StationQueue } from '../../../../miniapp/src/features/appeals/StationQueue';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import { taroStub } from '../../support/taro-stub';
import { aMe, anOfficer, aSession, aStation, http } from '../../support/factories';
import { aDaySummary, anAppealSummary } from '../../support/appeal-factories';

const request = () => Taro.request as unknown as jest.Mock;
const chiefMe = aMe({ role: 'chief', displayName: '张所长', memberRole: null, enterprise: null, officer: anOfficer({ isChief: true }), station: aStation() });

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  saveSession(aSession({ me: chiefMe }));
  request().mockImplementation((opts: { url: string }) => {
    const url = new URL(opts.url);
    if (url.pathname.endsWith('/queue/summary')) return Promise.resolve(http(200, aDaySummary({ new: 3, overdue: 2, resolved_today: 5, bad_ratings: 1 })));
    const view = url.searchParams.get('view');
    if (view === 'resolved_today') {
      return Promise.resolve(http(200, { items: [anAppealSummary({ id: 'ap-9', title: '已办结的咨询', status: 'closed', resolvedAt: '2025-03-03T05:00:00.000Z', rating: 4 })], nextCursor: null }));
    }
    return Promise.resolve(http(200, { items: [], nextCursor: null }));
  });
});

describe('StationQueue (所长每日队列)', () => {
  it('shows the day’s count on every tab', async () => {
    render(<StationQueue stationId='st-chengguan' stationName='城关派出所' />);

    const tabs = screen.getByTestId('queue-tabs-desktop');
    await waitFor(() => expect(within(tabs).getByText('今日新增').parentElement!.textContent).toBe('今日新增3'));
    const countOf = (label: string) => within(tabs).getByText(label).parentElement!.textContent!.replace(label, '');
    expect(countOf('已超期')).toBe('2');
    expect(countOf('今日办结')).toBe('5');
    expect(countOf('差评整改')).toBe('1');
    expect(countOf('待分配')).toBe('0');
    // The phone's chips carry the same counts.
    expect(within(screen.getByTestId('queue-tabs')).getByText('今日办结').parentElement!.textContent).toBe('今日办结5');
  });

  it('lists a tab’s queue with the rating of resolved cases', async () => {
    render(<StationQueue stationId='st-chengguan' />);

    fireEvent.click(within(screen.getByTestId('queue-tabs-desktop')).getByText('今日办结'));

    expect(await screen.findByText('已办结的咨询')).toBeTruthy();
    expect(screen.getByTestId('appeal-rating').textContent).toContain('满意');
    expect(request().mock.calls.some(([o]) => o.url === 'https://api.test/stations/st-chengguan/queue?view=resolved_today&limit=20')).toBe(true);
  });
});
