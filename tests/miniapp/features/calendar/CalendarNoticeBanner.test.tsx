import Taro from '@tarojs/taro';
import { render, screen } from '@testing-library/react';
import { CalendarNoticeBanner } from '../../../../miniapp/src/features/calendar/CalendarNoticeBanner';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import { taroStub } from '../../support/taro-stub';
import { aMe, aSession, http } from '../../support/factories';

const request = () => Taro.request as unknown as jest.Mock;
const WARNING = '2027年节假日安排尚未录入，办理时限暂按法定节假日计算（调休未知），请助企警务中心在“工作日历”中录入国务院通知';

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  saveSession(aSession({ me: aMe({ role: 'centre', displayName: '中心', memberRole: null, enterprise: null, officer: null, station: null }) }));
});

it('from 1 November asks for next year and shows the warning the server gives', async () => {
  request().mockResolvedValue(http(200, { year: 2027, version: 0, hasNotice: false, notice: null, days: [], workdayCount: 0, warning: WARNING }));
  render(<CalendarNoticeBanner today={new Date(2026, 10, 1)} />);
  expect(await screen.findByText(WARNING)).toBeTruthy();
  expect((request().mock.calls[0][0] as { url: string }).url).toContain('/calendar/2027');
});

it('shows nothing once the notice is in', async () => {
  request().mockResolvedValue(http(200, { year: 2027, version: 1, hasNotice: true, notice: { holidays: [], workdays: [] }, days: [], workdayCount: 0 }));
  render(<CalendarNoticeBanner today={new Date(2026, 11, 4)} />);
  await new Promise((r) => setTimeout(r, 50));
  expect(screen.queryByTestId('calendar-warning')).toBeNull();
});

it('does not even ask before November', () => {
  render(<CalendarNoticeBanner today={new Date(2026, 9, 31)} />);
  expect(request()).not.toHaveBeenCalled();
});
