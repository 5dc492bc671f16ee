import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import BookingDetailPage from '../../../../miniapp/src/packages/bookings/pages/detail/index';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import { taroStub } from '../../support/taro-stub';
import { aSession, http } from '../../support/factories';

const request = () => Taro.request as unknown as jest.Mock;
const T = '2026-03-01T08:00:00.000Z';

const aView = (over: Record<string, unknown> = {}, allowedActions: string[] = ['cancel', 'reschedule']) => ({
  booking: {
    id: 'bk-1',
    code: 'K7M2QX',
    enterpriseId: 'ent-1',
    stationId: 'st-chengguan',
    serviceId: 'residence',
    createdBy: 'user-1',
    slotStart: '2026-03-10T01:00:00.000Z',
    slotEnd: '2026-03-10T01:20:00.000Z',
    status: 'booked',
    contactName: '王经理',
    contactMobile: '13800138000',
    people: 2,
    onSite: false,
    greenChannel: false,
    rescheduleCount: 0,
    createdAt: T,
    updatedAt: T,
    version: 1,
    enterpriseName: '杭州示例科技有限公司',
    stationName: '城关派出所',
    ...over,
  },
  serviceName: '居住登记/居住证办理',
  history: [{ at: T, actorId: 'user-1', actorRole: 'enterprise', action: 'create', from: null, to: 'booked' }],
  allowedActions,
  changeDeadline: '2026-03-10T00:00:00.000Z',
});

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  saveSession(aSession());
  taroStub.router.params = { id: 'bk-1' };
});

describe('预约详情 page', () => {
  it('shows the booking code and cancels with a reason after confirmation', async () => {
    const posted: unknown[] = [];
    request().mockImplementation((opts: { method: string; data?: unknown }) => {
      if (opts.method === 'POST') {
        posted.push(opts.data);
        return Promise.resolve(http(200, aView({ status: 'cancelled', cancelReason: '员工出差', cancelledBy: 'enterprise', version: 2 }, [])));
      }
      return Promise.resolve(http(200, aView()));
    });

    render(<BookingDetailPage />);
    expect((await screen.findByTestId('booking-code')).textContent).toBe('K7M2QX');
    expect(screen.getByText('3月10日 周二 09:00–09:20')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '取消预约' }));
    const sheet = screen.getByTestId('booking-sheet-cancel');
    fireEvent.click(within(sheet).getByRole('button', { name: '确认取消' }));
    expect(within(sheet).getByText('取消原因至少2个字')).toBeTruthy();

    fireEvent.change(within(sheet).getByRole('textbox'), { target: { value: '员工出差' } });
    fireEvent.click(within(sheet).getByRole('button', { name: '确认取消' }));

    await waitFor(() => expect(screen.getByTestId('booking-status').textContent).toBe('已取消'));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消预约' }));
    expect(posted).toEqual([{ action: 'cancel', version: 1, reason: '员工出差' }]);
    expect(screen.queryByRole('button', { name: '改约' })).toBeNull();
  });

  it('does not cancel when the confirmation is declined', async () => {
    request().mockResolvedValue(http(200, aView()));
    render(<BookingDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '取消预约' }));
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    const sheet = screen.getByTestId('booking-sheet-cancel');
    fireEvent.change(within(sheet).getByRole('textbox'), { target: { value: '员工出差' } });
    fireEvent.click(within(sheet).getByRole('button', { name: '确认取消' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(request().mock.calls.some(([o]) => o.method === 'POST')).toBe(false);
  });
});
