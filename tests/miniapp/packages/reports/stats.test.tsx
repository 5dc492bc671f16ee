import Taro from '@tarojs/taro';
import { fireEvent, render, screen, within } from '@testing-library/react';
import StatsPage from '../../../../miniapp/src/packages/reports/pages/stats/index';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import { taroStub } from '../../support/taro-stub';
import { aMe, anOfficer, aSession, aStation, http } from '../../support/factories';
import { emptyCounters, figuresOf } from '../../../../shared/stats/counters';

const request = () => Taro.request as unknown as jest.Mock;
const figures = (over: Partial<ReturnType<typeof emptyCounters>>) => figuresOf({ ...emptyCounters(), ...over });

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
});

describe('统计分析 page', () => {
  it('shows the chief KPI cards, a bar per appeal type and a row per officer, and reloads for 上月', async () => {
    saveSession(aSession({ me: aMe({ role: 'chief', displayName: '王所长', memberRole: null, enterprise: null, officer: anOfficer({ isChief: true }), station: aStation({ id: 'st01', name: '解放碑派出所' }) }) }));
    const urls: string[] = [];
    request().mockImplementation((opts: { url: string }) => {
      urls.push(opts.url);
      return Promise.resolve(
        http(200, {
          stationId: 'st01',
          stationName: '解放碑派出所',
          from: '2026-11-01',
          to: '2026-11-30',
          totals: figures({
            filed: 12,
            filed_dispute: 5,
            filed_policy: 7,
            resolved: 8,
            resolvedOnTime: 6,
            rated_5: 3,
            rated_4: 1,
            rated_2: 1,
            status_closed: 4,
            status_in_progress: 8,
            visits: 9,
            followUpsDue: 4,
            followUpsDone: 3,
            followUpsCompared: 2,
            followUpsSatisfiedBefore: 0,
            followUpsSatisfiedAfter: 1,
          }),
          officers: [{ officerId: 'of001', name: '李明', isChief: false, figures: figures({ resolved: 5, resolvedOnTime: 5 }) }],
        }),
      );
    });

    render(<StatsPage />);

    expect(await screen.findByText('解放碑派出所统计')).toBeTruthy();
    expect(within(screen.getByTestId('kpi-受理诉求')).getByText('12')).toBeTruthy();
    expect(within(screen.getByTestId('kpi-按时办结率')).getByText('75%')).toBeTruthy();
    expect(within(screen.getByTestId('kpi-满意率')).getByText('80%')).toBeTruthy();
    expect(within(screen.getByTestId('kpi-回访覆盖率')).getByText('75%')).toBeTruthy();
    expect(within(screen.getByTestId('kpi-回访覆盖率')).getByText('已回访3/应回访4')).toBeTruthy();
    expect(within(screen.getByTestId('kpi-回访前后满意率')).getByText('0%→50%')).toBeTruthy();
    expect(screen.getByText('矛盾纠纷', { selector: '.bar-chart__label' })).toBeTruthy();
    expect(within(screen.getByTestId('row-of001')).getByText('100%')).toBeTruthy();
    expect(urls[0]).toContain('/stations/st01/stats?');

    fireEvent.click(screen.getByText('上月'));
    await screen.findByText(/至/);
    expect(urls.length).toBeGreaterThan(1);
    expect(urls[urls.length - 1]).toMatch(/from=\d{4}-\d{2}-01/);
  });

  it('gives the centre one row per station to drill into', async () => {
    saveSession(aSession({ me: aMe({ role: 'centre', displayName: '中心', memberRole: null, enterprise: null, officer: null, station: null }) }));
    request().mockResolvedValue(http(200, { from: '2026-11-01', to: '2026-11-30', totals: figures({ filed: 3 }), stations: [{ stationId: 'st02', stationName: '朝天门派出所', figures: figures({ filed: 3 }) }] }));
    render(<StatsPage />);
    expect(await screen.findByText('全区统计')).toBeTruthy();
    fireEvent.click(screen.getByText('朝天门派出所 ›'));
    expect(JSON.stringify((Taro.navigateTo as unknown as jest.Mock).mock.calls)).toContain('stationId=st02');
  });

  it('says 本期暂无诉求 instead of an empty card when the period has no appeals, and lists every type at 0', async () => {
    saveSession(aSession({ me: aMe({ role: 'chief', displayName: '王所长', memberRole: null, enterprise: null, officer: anOfficer({ isChief: true }), station: aStation({ id: 'st01', name: '解放碑派出所' }) }) }));
    request().mockResolvedValue(http(200, { stationId: 'st01', stationName: '解放碑派出所', from: '2026-11-01', to: '2026-11-30', totals: figures({}), officers: [] }));
    render(<StatsPage />);

    expect(await screen.findByText('解放碑派出所统计')).toBeTruthy();
    const byStatus = screen.getByTestId('stats-by-status');
    expect(within(byStatus).getByText('本期暂无诉求')).toBeTruthy();
    expect(byStatus.querySelector('.bar-chart')).toBeNull();

    const byType = screen.getByTestId('stats-by-type');
    const rows = Array.from(byType.querySelectorAll('.bar-chart__row'));
    expect(rows.map((r) => r.querySelector('.bar-chart__label')?.textContent)).toEqual(['政策咨询', '矛盾纠纷', '意见建议', '求助']);
    expect(rows.map((r) => r.querySelector('.bar-chart__value')?.textContent)).toEqual(['0', '0', '0', '0']);
    // No NaN widths when every value is 0.
    expect(Array.from(byType.querySelectorAll<HTMLElement>('.bar-chart__bar')).map((b) => b.style.width)).toEqual(['0%', '0%', '0%', '0%']);
    expect(within(screen.getByTestId('kpi-按时办结率')).getByText('—')).toBeTruthy();
  });

  it('lists only the statuses that occur', async () => {
    saveSession(aSession({ me: aMe({ role: 'chief', displayName: '王所长', memberRole: null, enterprise: null, officer: anOfficer({ isChief: true }), station: aStation({ id: 'st01', name: '解放碑派出所' }) }) }));
    request().mockResolvedValue(http(200, { stationId: 'st01', stationName: '解放碑派出所', from: '2026-11-01', to: '2026-11-30', totals: figures({ filed: 2, filed_help: 2, status_closed: 2 }), officers: [] }));
    render(<StatsPage />);

    const byStatus = await screen.findByTestId('stats-by-status');
    expect(within(byStatus).queryByText('本期暂无诉求')).toBeNull();
    expect(byStatus.querySelectorAll('.bar-chart__row')).toHaveLength(1);
  });
});
