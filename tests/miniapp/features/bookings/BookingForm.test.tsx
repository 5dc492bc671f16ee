import { fireEvent, render, screen, within } from '@testing-library/react';
import { serviceById } from '../../../../shared/bookings/catalogue';
import type { ServiceDefinition, Slot } from '../../../../shared/bookings/schemas';
import { BookingForm, type BookingFormProps } from '../../../../miniapp/src/features/bookings/BookingForm';
import { SlotPicker } from '../../../../miniapp/src/features/bookings/SlotPicker';

const residence = serviceById('residence') as ServiceDefinition;

// 2026-03-10 is a Tuesday; 01:00Z is 09:00 in Shanghai.
const aSlot = (start: string, left: number, capacity = 3): Slot => {
  const end = new Date(Date.parse(start) + 20 * 60_000).toISOString();
  const date = new Date(Date.parse(start) + 8 * 3_600_000).toISOString().slice(0, 10);
  return { key: `st-1#residence#${start}`, date, start, end, capacity, booked: capacity - left, left };
};
const SLOTS = [aSlot('2026-03-10T01:00:00.000Z', 2), aSlot('2026-03-10T01:20:00.000Z', 0), aSlot('2026-03-11T06:00:00.000Z', 1)];

function renderForm(over: Partial<BookingFormProps> = {}) {
  const onSubmit = jest.fn();
  render(<BookingForm service={residence} slots={SLOTS} defaults={{ contactName: '王经理', contactMobile: '13800138000' }} submitting={false} onSubmit={onSubmit} {...over} />);
  return { onSubmit };
}

const type = (testId: string, value: string) => {
  const input = within(screen.getByTestId(testId)).getByRole('textbox');
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
};

describe('SlotPicker', () => {
  it('offers only dates that have slots, shows the seats left and disables a full slot', () => {
    const onChange = jest.fn();
    render(<SlotPicker slots={SLOTS} value='' onChange={onChange} />);

    const dates = within(screen.getByTestId('slot-dates'))
      .getAllByText(/月/)
      .map((d) => d.textContent);
    expect(dates).toEqual(['3月10日 周二', '3月11日 周三']);

    const slots = screen.getAllByTestId('slot');
    expect(slots.map((s) => s.textContent)).toEqual(['09:00–09:20余2个', '09:20–09:40已约满']);
    expect(slots[1].getAttribute('aria-disabled')).toBe('true');

    fireEvent.click(slots[1]);
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.click(slots[0]);
    expect(onChange).toHaveBeenCalledWith('2026-03-10T01:00:00.000Z');

    fireEvent.click(screen.getByText('3月11日 周三'));
    expect(screen.getAllByTestId('slot').map((s) => s.textContent)).toEqual(['14:00–14:20余1个']);
  });
});

describe('BookingForm (预约办证)', () => {
  it('on submit shows the shared schema’s Chinese messages and does not send', () => {
    const { onSubmit } = renderForm({ defaults: {} });
    type('booking-contactMobile', '12345');
    type('booking-people', '0');

    fireEvent.click(screen.getByRole('button', { name: '提交预约' }));

    for (const message of ['请选择预约时段', '联系人姓名至少2个字', '手机号码应为11位中国大陆手机号，如 13800138000', '办理人数至少1人', '请按提示修改标红的内容']) {
      expect(screen.getByText(message)).toBeTruthy();
    }
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('asks for an address for 上门集中采集 and explains the people limits', () => {
    const { onSubmit } = renderForm();
    fireEvent.click(screen.getAllByTestId('slot')[0]);
    type('booking-people', '12');
    fireEvent.click(screen.getByRole('button', { name: '提交预约' }));
    expect(screen.getByText('到窗口办理每次最多9人，人数较多请分次预约或预约上门集中采集')).toBeTruthy();

    fireEvent.click(screen.getByText('预约上门集中采集'));
    expect(screen.getByText('预约上门办理请填写详细地址（如厂区、楼栋、门牌号），至少5个字')).toBeTruthy();
    type('booking-siteAddress', '城关路88号2号楼');
    fireEvent.click(screen.getByRole('button', { name: '提交预约' }));

    expect(onSubmit).toHaveBeenCalledWith({
      serviceId: 'residence',
      slotStart: '2026-03-10T01:00:00.000Z',
      contactName: '王经理',
      contactMobile: '13800138000',
      people: 12,
      onSite: true,
      siteAddress: '城关路88号2号楼',
    });
  });

  it('offers a retry when the slots could not be loaded', () => {
    const onReloadSlots = jest.fn();
    renderForm({ slots: [], slotsError: '网络连接失败，请检查网络后重试', onReloadSlots });
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(onReloadSlots).toHaveBeenCalled();
  });

  it("shows the server's message and field issues", () => {
    renderForm({ serverError: '该时段已约满，请选择其他时段', serverErrors: { slotStart: '该时段已约满，请选择其他时段' } });
    expect(screen.getAllByText('该时段已约满，请选择其他时段')).toHaveLength(2);
  });
});
