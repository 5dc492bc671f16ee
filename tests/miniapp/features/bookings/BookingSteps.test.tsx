import { useState } from 'react';
import Taro from '@tarojs/taro';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { serviceById } from '../../../../shared/bookings/catalogue';
import type { ServiceDefinition, Slot, StationServiceSettings } from '../../../../shared/bookings/schemas';
import type { StationSummary } from '../../../../shared/schemas/organisation';
import { BookingSteps, type BookingStepsProps } from '../../../../miniapp/src/features/bookings/BookingSteps';
import { dayOptions, firstOpenStep, stepBlocker } from '../../../../miniapp/src/features/bookings/booking-steps';
import { SlotPicker } from '../../../../miniapp/src/features/bookings/SlotPicker';
import { amapMarkerUrl, hasMapPoint } from '../../../../miniapp/src/features/bookings/station-map';

const residence = serviceById('residence') as ServiceDefinition;

// 2026-03-10 is a Tuesday; 01:00Z is 09:00 in Shanghai.
const aSlot = (start: string, left: number, capacity = 3): Slot => {
  const end = new Date(Date.parse(start) + 20 * 60_000).toISOString();
  const date = new Date(Date.parse(start) + 8 * 3_600_000).toISOString().slice(0, 10);
  return { key: `st-1#residence#${start}`, date, start, end, capacity, booked: capacity - left, left };
};
const SLOTS = [aSlot('2026-03-10T01:00:00.000Z', 2), aSlot('2026-03-10T01:20:00.000Z', 0), aSlot('2026-03-11T06:00:00.000Z', 1), aSlot('2026-03-12T01:00:00.000Z', 0)];

const seal = serviceById('seal-filing') as ServiceDefinition;
const settings: StationServiceSettings = { enabled: true, seatsPerSlot: 3, slotMinutes: 20 };
const SERVICES = [
  { service: residence, settings },
  { service: seal, settings },
];
const STATION: StationSummary = { id: 'st-1', name: '解放碑派出所', centreId: 'c1', address: '重庆市渝中区民族路101号', phone: '023-63000000', latitude: 29.5578, longitude: 106.5772 };

/** The page's part: it holds the chosen service (the slots it loads depend on it). */
function Steps(props: Partial<BookingStepsProps> & { initialService?: string | null }) {
  const [serviceId, setServiceId] = useState<string | null>(props.initialService === undefined ? null : props.initialService);
  return (
    <BookingSteps
      services={SERVICES}
      serviceId={serviceId}
      onServiceChange={setServiceId}
      station={STATION}
      slots={serviceId ? SLOTS : []}
      defaults={{ contactName: '王经理', contactMobile: '13800138000' }}
      submitting={false}
      onSubmit={jest.fn()}
      {...props}
    />
  );
}

function renderForm(over: Partial<BookingStepsProps> & { initialService?: string | null } = {}) {
  const onSubmit = jest.fn();
  render(<Steps onSubmit={onSubmit} {...over} />);
  return { onSubmit };
}

const step = () => screen.getByTestId('booking-steps').getAttribute('data-step');
const next = () => fireEvent.click(screen.getByRole('button', { name: '下一步' }));
const back = () => fireEvent.click(screen.getByRole('button', { name: '上一步' }));

/** ① residence → ② 3月10日 → ③ 09:00 → ④ confirm. */
function walkToConfirm() {
  fireEvent.click(screen.getByText('居住登记/居住证办理'));
  next();
  fireEvent.click(screen.getByText('3月10日 周二'));
  next();
  fireEvent.click(screen.getByText('09:00–09:20'));
  next();
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
    expect(dates).toEqual(['3月10日 周二', '3月11日 周三', '3月12日 周四']);

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

describe('the booking steps, as pure rules', () => {
  it('sums each day’s seats left, a fully booked day at 0', () => {
    expect(dayOptions(SLOTS)).toEqual([
      { date: '2026-03-10', label: '3月10日 周二', left: 2 },
      { date: '2026-03-11', label: '3月11日 周三', left: 1 },
      { date: '2026-03-12', label: '3月12日 周四', left: 0 },
    ]);
  });

  it('lets the user on only once the step is answered, with a free day and a free slot of that day', () => {
    const none = { serviceId: null, date: null, slotStart: '' };
    expect(stepBlocker(0, none, SLOTS)).toBe('请先选择要办理的业务');
    expect(stepBlocker(0, { ...none, serviceId: 'residence' }, SLOTS)).toBeNull();
    expect(stepBlocker(1, { ...none, serviceId: 'residence' }, SLOTS)).toBe('请选择一个还有名额的日期');
    expect(stepBlocker(1, { ...none, serviceId: 'residence', date: '2026-03-12' }, SLOTS)).toBe('请选择一个还有名额的日期');
    expect(stepBlocker(1, { ...none, serviceId: 'residence', date: '2026-03-10' }, SLOTS)).toBeNull();
    // A full slot, or a slot of another day, is no answer.
    expect(stepBlocker(2, { serviceId: 'residence', date: '2026-03-10', slotStart: '2026-03-10T01:20:00.000Z' }, SLOTS)).toBe('请选择一个还有名额的时段');
    expect(stepBlocker(2, { serviceId: 'residence', date: '2026-03-10', slotStart: '2026-03-11T06:00:00.000Z' }, SLOTS)).toBe('请选择一个还有名额的时段');
    expect(stepBlocker(2, { serviceId: 'residence', date: '2026-03-10', slotStart: '2026-03-10T01:00:00.000Z' }, SLOTS)).toBeNull();
    expect(firstOpenStep({ serviceId: 'residence', date: '2026-03-10', slotStart: '' }, SLOTS)).toBe(2);
    expect(firstOpenStep({ serviceId: 'residence', date: '2026-03-10', slotStart: '2026-03-10T01:00:00.000Z' }, SLOTS)).toBe(-1);
  });
});

describe('the station on a map', () => {
  it('opens 高德 at the GCJ-02 point, longitude first, with the name encoded', () => {
    expect(hasMapPoint(STATION)).toBe(true);
    expect(hasMapPoint({ ...STATION, latitude: undefined })).toBe(false);
    expect(amapMarkerUrl(STATION as Required<StationSummary>)).toBe(`https://uri.amap.com/marker?position=106.5772,29.5578&name=${encodeURIComponent('解放碑派出所')}&src=zhuqi&coordinate=gaode&callnative=1`);
  });
});

describe('BookingSteps (预约办证 in four steps)', () => {
  it('walks service → day → time → confirm, with the step shown, and keeps every choice on the way back', () => {
    renderForm();
    expect(step()).toBe('service');
    expect(screen.getByLabelText('第1步，共4步')).toBeTruthy();

    // Nothing chosen: 下一步 says what is missing and stays.
    next();
    expect(screen.getByTestId('booking-blocked').textContent).toBe('请先选择要办理的业务');
    expect(step()).toBe('service');

    // The chosen service shows what to bring.
    fireEvent.click(screen.getByText('居住登记/居住证办理'));
    expect(screen.getByText('办理材料（请携带）')).toBeTruthy();
    expect(screen.queryByTestId('booking-blocked')).toBeNull();
    next();
    expect(step()).toBe('day');
    expect(screen.getByTestId('booking-chosen').textContent).toBe('居住登记/居住证办理');
    // A day with no seat left cannot be chosen.
    const days = screen.getAllByTestId('day');
    expect(days.map((d) => d.textContent)).toEqual(['3月10日 周二余2个', '3月11日 周三余1个', '3月12日 周四已约满']);
    fireEvent.click(days[2]);
    expect(days[2].getAttribute('aria-checked')).toBe('false');
    fireEvent.click(days[0]);
    next();
    expect(step()).toBe('time');
    expect(screen.getAllByTestId('slot').map((s) => s.textContent)).toEqual(['09:00–09:20余2个', '09:20–09:40已约满']);
    next();
    expect(screen.getByTestId('booking-blocked').textContent).toBe('请选择一个还有名额的时段');
    fireEvent.click(screen.getAllByTestId('slot')[0]);
    next();

    expect(step()).toBe('confirm');
    const summary = screen.getByTestId('booking-summary');
    expect(within(summary).getByText('居住登记/居住证办理')).toBeTruthy();
    expect(within(summary).getByTestId('booking-summary-time').textContent).toBe('3月10日 周二 09:00–09:20');
    expect(within(summary).getByText('解放碑派出所')).toBeTruthy();
    expect(within(summary).getByText('重庆市渝中区民族路101号')).toBeTruthy();
    expect(within(summary).getByText('电话 023-63000000')).toBeTruthy();

    // Back, step by step: each step shows what was chosen.
    back();
    expect(step()).toBe('time');
    expect(screen.getAllByTestId('slot')[0].getAttribute('aria-checked')).toBe('true');
    back();
    expect(step()).toBe('day');
    expect(screen.getAllByTestId('day')[0].getAttribute('aria-checked')).toBe('true');
    back();
    expect(step()).toBe('service');
    expect(screen.getAllByTestId('booking-service')[0].getAttribute('aria-checked')).toBe('true');
    // …and forward again without choosing anything anew.
    next();
    next();
    next();
    expect(step()).toBe('confirm');
  });

  it('starts the day and time afresh when the user changes the service', () => {
    renderForm();
    walkToConfirm();
    back();
    back();
    back();
    fireEvent.click(screen.getByText('公章刻制备案'));
    next();
    expect(screen.getAllByTestId('day').every((d) => d.getAttribute('aria-checked') === 'false')).toBe(true);
  });

  it('opens the station on the map and calls it from the confirm step', () => {
    const open = jest.spyOn(window, 'open').mockImplementation(() => null);
    renderForm();
    walkToConfirm();
    fireEvent.click(screen.getByRole('button', { name: '查看地图 / 导航' }));
    expect(open).toHaveBeenCalledWith(expect.stringContaining('https://uri.amap.com/marker?position=106.5772,29.5578'), '_blank', 'noopener');
    fireEvent.click(screen.getByRole('button', { name: '拨打电话' }));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '023-63000000' });
    open.mockRestore();
  });

  it('hides 查看地图 for a station without a map point, and keeps 拨打电话', () => {
    renderForm({ station: { ...STATION, latitude: undefined, longitude: undefined } });
    walkToConfirm();
    expect(screen.queryByRole('button', { name: '查看地图 / 导航' })).toBeNull();
    expect(screen.getByRole('button', { name: '拨打电话' })).toBeTruthy();
  });

  it('on submit shows the shared schema’s Chinese messages and does not send', () => {
    const { onSubmit } = renderForm({ defaults: {} });
    walkToConfirm();
    type('booking-contactMobile', '12345');
    type('booking-people', '0');

    fireEvent.click(screen.getByRole('button', { name: '提交预约' }));

    for (const message of ['联系人姓名至少2个字', '手机号码应为11位中国大陆手机号，如 13800138000', '办理人数至少1人', '请按提示修改标红的内容']) {
      expect(screen.getByText(message)).toBeTruthy();
    }
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('asks for an address for 上门集中采集 and explains the people limits', () => {
    const { onSubmit } = renderForm();
    walkToConfirm();
    type('booking-people', '12');
    fireEvent.click(screen.getByRole('button', { name: '提交预约' }));
    expect(screen.getByText('到窗口办理每次最多9人，人数较多请分次预约或预约上门集中采集')).toBeTruthy();

    fireEvent.click(screen.getByText('预约上门集中采集'));
    expect(screen.getByText('预约上门办理请填写详细地址（如厂区、楼栋、门牌号），至少5个字')).toBeTruthy();
    // Police come to the enterprise: the station's place is not where to go.
    expect(screen.queryByTestId('station-place')).toBeNull();
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
    renderForm({ initialService: 'residence', slots: [], slotsError: '网络连接失败，请检查网络后重试', onReloadSlots });
    next();
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(onReloadSlots).toHaveBeenCalled();
  });

  it('goes back to the time step with the server’s message when the slot was taken meanwhile', () => {
    const { rerender } = render(<Steps />);
    walkToConfirm();
    rerender(<Steps serverErrors={{ slotStart: '该时段已约满，请选择其他时段' }} />);
    expect(step()).toBe('time');
    expect(screen.getByText('该时段已约满，请选择其他时段')).toBeTruthy();
    expect(screen.getAllByTestId('slot').every((s) => s.getAttribute('aria-checked') === 'false')).toBe(true);
  });
});
