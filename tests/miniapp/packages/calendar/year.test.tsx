import Taro from '@tarojs/taro';
import { fireEvent, render, screen, within } from '@testing-library/react';
import CalendarYearPage from '../../../../miniapp/src/packages/calendar/pages/year/index';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import { taroStub } from '../../support/taro-stub';
import { aMe, aSession, http } from '../../support/factories';
import { workingCalendar, yearDays } from '../../../../shared/calendar/days';
import { statutoryHolidays } from '../../../../shared/calendar/statutory';

const request = () => Taro.request as unknown as jest.Mock;

/** GET /calendar/2027 as the server answers it before the notice is entered. */
const days2027 = yearDays(workingCalendar([], statutoryHolidays), 2027);
const view2027 = { year: 2027, version: 0, hasNotice: false, notice: null, days: days2027, workdayCount: days2027.filter((d) => d.workday).length };

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  taroStub.router.params = { year: '2027' };
});

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('工作日历 page', () => {
  it('shows statutory days for a year without a notice, previews an entered notice and saves it with the version read', async () => {
    saveSession(aSession({ me: aMe({ role: 'centre', displayName: '中心', memberRole: null, enterprise: null, officer: null, station: null }) }));
    const calls: Array<{ url: string; method?: string; data?: unknown }> = [];
    request().mockImplementation((opts: { url: string; method?: string; data?: unknown }) => {
      calls.push(opts);
      return Promise.resolve(http(200, view2027));
    });
    render(<CalendarYearPage />);

    expect(await screen.findByText(/尚未录入国务院通知/)).toBeTruthy();
    expect(screen.getByText('春节 2月5日（周五）至2月8日（周一）放假')).toBeTruthy();
    expect(screen.getAllByText('法定节假日（推算）').length).toBeGreaterThan(5);

    fireEvent.click(screen.getByText('录入国务院节假日安排'));
    // Pre-filled from the statutory days: 元旦, 春节 …; the centre widens 春节 and adds the Sunday worked.
    expect((screen.getByTestId('holiday-name-1') as HTMLInputElement).value).toBe('春节');
    type('holiday-end-1', '2027-02-13');
    fireEvent.click(screen.getByTestId('add-workday'));
    type('workday-name-0', '春节');
    type('workday-date-0', '2027-02-15');
    const preview = screen.getByTestId('calendar-preview');
    expect(within(preview).getByText('2027-02-15 不是周六或周日，调休上班日应为周末')).toBeTruthy();
    type('workday-date-0', '2027-02-14');
    expect(within(preview).getByText('2月9日（周二） 改为放假（春节）')).toBeTruthy();
    expect(within(preview).getByText('2月14日（周日） 改为上班（春节）')).toBeTruthy();
    expect(within(preview).getByText(`按此安排全年工作日 ${view2027.workdayCount - 3} 天（现为 ${view2027.workdayCount} 天）`)).toBeTruthy();
    expect(within(preview).queryByText(/是法定节假日/)).toBeNull();
    // Deleting the 清明 range by mistake is flagged (saving stays possible: the notice is the authority).
    fireEvent.click(within(screen.getByTestId('calendar-form')).getAllByText('删除')[2]);
    expect(within(preview).getByText('注意：4月5日（周一）是法定节假日（清明节），按此安排却要上班，请核对通知')).toBeTruthy();
    fireEvent.click(screen.getByTestId('add-holiday'));
    type('holiday-name-6', '清明节');
    type('holiday-start-6', '2027-04-05');
    type('holiday-end-6', '2027-04-05');
    expect(within(preview).queryByText(/是法定节假日/)).toBeNull();

    fireEvent.click(screen.getByTestId('calendar-save'));
    await screen.findByTestId('calendar-edit');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toContain('/calendar/2027');
    expect(put.data).toMatchObject({ version: 0, workdays: [{ name: '春节', date: '2027-02-14' }] });
    expect((put.data as { holidays: unknown[] }).holidays).toContainEqual({ name: '春节', start: '2027-02-05', end: '2027-02-13' });
  });

  it('lets other roles read but not edit', async () => {
    saveSession(aSession({ me: aMe({ role: 'chief', displayName: '王所长', memberRole: null, enterprise: null }) }));
    request().mockResolvedValue(http(200, view2027));
    render(<CalendarYearPage />);
    expect(await screen.findByText(/全年工作日/)).toBeTruthy();
    expect(screen.queryByTestId('calendar-edit')).toBeNull();
  });
});
