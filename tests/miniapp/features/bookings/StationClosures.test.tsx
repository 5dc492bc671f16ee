import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import StationBookingsPage from '../../../../miniapp/src/packages/bookings/pages/station/index';
import { shanghaiDate } from '../../../../miniapp/src/features/bookings/booking-format';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import { taroStub } from '../../support/taro-stub';
import { aMe, anOfficer, aSession, aStation, http } from '../../support/factories';

const request = () => Taro.request as unknown as jest.Mock;
const chiefMe = aMe({ role: 'chief', displayName: '张所长', memberRole: null, enterprise: null, officer: anOfficer({ isChief: true }), station: aStation() });
const officerMe = aMe({ role: 'officer', displayName: '李明', memberRole: null, enterprise: null, officer: anOfficer(), station: aStation() });
const T = '2026-03-01T08:00:00.000Z';

const aBooking = (id: string, status: string, slotStart = '2026-03-10T01:00:00.000Z') => ({
  id,
  code: `K7M2Q${'XYZ'[Number(id.slice(-1)) - 1]}`,
  enterpriseId: 'ent-1',
  stationId: 'st-chengguan',
  serviceId: 'residence',
  createdBy: 'user-1',
  slotStart,
  slotEnd: '2026-03-10T01:20:00.000Z',
  status,
  contactName: '王经理',
  contactMobile: '13800138000',
  people: 1,
  onSite: false,
  greenChannel: false,
  rescheduleCount: 0,
  createdAt: T,
  updatedAt: T,
  version: 1,
  enterpriseName: '杭州示例科技有限公司',
  stationName: '城关派出所',
});

let posted: { url: string; data: unknown }[];

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  taroStub.router.params = {};
  posted = [];
  request().mockImplementation((opts: { url: string; method: string; data?: unknown }) => {
    if (opts.method === 'POST') {
      posted.push({ url: opts.url, data: opts.data });
      return Promise.resolve(http(200, { closed: true, cancelled: 2, skipped: 0 }));
    }
    return Promise.resolve(http(200, { items: [aBooking('bk-01', 'booked'), aBooking('bk-02', 'booked'), aBooking('bk-03', 'arrived')], nextCursor: null }));
  });
});

describe('本所预约 page: date switcher and 停约当天', () => {
  it('requires a reason and confirms with the count before closing the day', async () => {
    saveSession(aSession({ me: chiefMe }));
    render(<StationBookingsPage />);
    await screen.findAllByTestId('booking-item');

    fireEvent.click(screen.getByTestId('close-day'));
    const sheet = screen.getByTestId('closure-sheet-day');
    fireEvent.click(within(sheet).getByTestId('closure-submit'));
    expect(within(sheet).getByText('停约原因至少2个字')).toBeTruthy();
    expect(Taro.showModal).not.toHaveBeenCalled();

    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.change(within(sheet).getByRole('textbox'), { target: { value: '系统维护' } });
    fireEvent.click(within(sheet).getByTestId('closure-submit'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    const content = (Taro.showModal as jest.Mock).mock.calls[0][0].content as string;
    expect(content).toContain('取消2 个待到场的预约');
    expect(content).toContain('通知相关企业');
    expect(posted).toEqual([]);

    fireEvent.click(within(screen.getByTestId('closure-sheet-day')).getByTestId('closure-submit'));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0].url).toBe('https://api.test/stations/st-chengguan/booking-closures/day');
    expect(posted[0].data).toEqual({ date: shanghaiDate(), reason: '系统维护' });
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已停约，取消2个预约' })));
    await waitFor(() => expect(screen.queryByTestId('closure-sheet-day')).toBeNull());
  });

  it('switches the date and offers 停约该时段 once per slot', async () => {
    saveSession(aSession({ me: chiefMe }));
    render(<StationBookingsPage />);
    await screen.findAllByTestId('booking-item');
    expect(screen.getAllByTestId('close-slot')).toHaveLength(1);

    const chips = screen.getByTestId('station-bookings-dates');
    expect(chips.children).toHaveLength(14);
    fireEvent.click(within(chips).getByText('明天'));
    const tomorrow = new Date(Date.parse(`${shanghaiDate()}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
    await waitFor(() => expect(request().mock.calls.some(([o]) => String(o.url).includes(`date=${tomorrow}`))).toBe(true));
  });

  it('hides the closure actions from an officer', async () => {
    saveSession(aSession({ me: officerMe }));
    render(<StationBookingsPage />);
    await screen.findAllByTestId('booking-item');
    expect(screen.getByTestId('station-bookings-dates')).toBeTruthy();
    expect(screen.queryByTestId('close-day')).toBeNull();
    expect(screen.queryByTestId('close-slot')).toBeNull();
  });
});
