import { StepIndicator } from '../../components/StepIndicator';
import { useEffect, useMemo, useState } from 'react';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import type { CreateBookingBody, ServiceDefinition, Slot, StationServiceSettings } from '../../../../shared/bookings/schemas';
import type { StationSummary } from '../../../../shared/schemas/organisation';
import { ChoiceChips } from '../../components/ChoiceChips';
import { FormField } from '../../components/FormField';
import { FormFooter } from '../../components/FormFooter';
import { useFormState } from '../../components/form-state';
import { StatusView } from '../../components/StatusView';
import { dateLabel, slotsByDate, timeOf, validateBooking, type BookingErrors, type BookingField, type BookingFormValues, type BookingValidation } from './booking-format';
import { BOOKING_STEPS, CONFIRM_STEP, dayOptions, stepBlocker, TIME_STEP } from './booking-steps';
import { ServiceCard } from './ServiceCard';
import { DayGrid, SlotGrid } from './SlotPicker';
import { StationPlace } from './StationPlace';

export interface OfferedService {
  service: ServiceDefinition;
  settings: StationServiceSettings;
}

export interface BookingStepsProps {
  /** The station's open services. */
  services: readonly OfferedService[];
  /** The chosen service: the page holds it, since the slots it loads depend on it. */
  serviceId: string | null;
  onServiceChange: (serviceId: string) => void;
  /** The enterprise's station (where to go), from the session; null hides the place card. */
  station: StationSummary | null;
  /** The chosen service's slots over the booking window. */
  slots: readonly Slot[];
  slotsLoading?: boolean;
  slotsError?: string;
  onReloadSlots?: () => void;
  /** Prefilled from the enterprise (contactName / contactMobile). */
  defaults?: { contactName?: string; contactMobile?: string };
  submitting: boolean;
  serverError?: string;
  /** The server's field problems; `slotStart` (the slot was taken or closed meanwhile) sends the user back to the time step. */
  serverErrors?: BookingErrors;
  onSubmit: (body: CreateBookingBody) => void;
}

const NO_ERRORS: BookingErrors = {};
const NOT_CHOSEN: BookingValidation = { ok: false, errors: { slotStart: '请选择预约时段' } };

/**
 * 预约办证 in steps: ① the service and what to bring → ② the day → ③ the time → ④ confirm (where, when, who)
 * and submit. Every answer lives here, above the steps, so 上一步 keeps it; validated with the server's own
 * schema (CreateBookingBody).
 */
export function BookingSteps({
  services,
  serviceId,
  onServiceChange,
  station,
  slots,
  slotsLoading = false,
  slotsError,
  onReloadSlots,
  defaults,
  submitting,
  serverError,
  serverErrors = NO_ERRORS,
  onSubmit,
}: BookingStepsProps) {
  const chosen = services.find((s) => s.service.id === serviceId);
  const form = useFormState<BookingFormValues, BookingField, CreateBookingBody>(
    () => ({
      slotStart: '',
      contactName: defaults?.contactName ?? '',
      contactMobile: defaults?.contactMobile ?? '',
      people: '1',
      onSite: false,
      siteAddress: '',
      note: '',
    }),
    (v) => (chosen ? validateBooking(chosen.service, v) : NOT_CHOSEN),
    serverErrors,
  );
  const { values, set, setValues, touch, errorOf, submitted, validation } = form;
  const [step, setStep] = useState(0);
  const [date, setDate] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<string>();

  const days = useMemo(() => dayOptions(slots), [slots]);
  const daySlots = useMemo(() => slotsByDate(slots).find((d) => d.date === date)?.slots ?? [], [slots, date]);
  const choice = { serviceId: chosen ? serviceId : null, date, slotStart: values.slotStart };

  // The slot went (taken by someone else, or closed by the station): back to the time step, its message shown there.
  useEffect(() => {
    if (!serverErrors.slotStart) return;
    setValues((prev) => ({ ...prev, slotStart: '' }));
    setStep(TIME_STEP);
  }, [serverErrors, setValues]);

  const go = (to: number) => {
    setBlocked(undefined);
    setStep(to);
  };
  const next = () => {
    const why = stepBlocker(step, choice, slots);
    if (why) setBlocked(why);
    else go(step + 1);
  };

  const chooseService = (id: string) => {
    if (id === serviceId) return;
    // Another service has other slots and rules: its day, time and 上门 choice start afresh.
    setDate(null);
    setValues((prev) => ({ ...prev, slotStart: '', onSite: false, siteAddress: '' }));
    setBlocked(undefined);
    onServiceChange(id);
  };
  const chooseDate = (d: string) => {
    setDate(d);
    setBlocked(undefined);
    if (!slots.some((s) => s.start === values.slotStart && s.date === d)) set('slotStart', '');
  };

  const slotState =
    slotsLoading && slots.length === 0 ? (
      <StatusView compact variant='loading' message='正在查询可预约时段…' />
    ) : slotsError && slots.length === 0 ? (
      <StatusView compact variant='error' message={slotsError} onAction={onReloadSlots} />
    ) : slots.length === 0 ? (
      <StatusView compact variant='empty' message='近期没有可预约的时段' hint='名额每天更新，请稍后再来看看，或拨打派出所电话咨询。' actionText='换一项业务' onAction={() => go(0)} />
    ) : null;

  const slot = slots.find((s) => s.start === values.slotStart);
  const input = (field: 'contactName' | 'contactMobile' | 'people' | 'siteAddress', placeholder: string, maxlength: number, type?: 'number') => (
    <View className='booking-form__control' data-testid={`booking-${field}`}>
      <Input
        className='form-field__input'
        placeholderClass='form-field__placeholder'
        placeholder={placeholder}
        type={type}
        maxlength={maxlength}
        value={values[field]}
        onInput={(e) => set(field, e.detail.value)}
        onBlur={() => touch(field)}
      />
    </View>
  );

  return (
    <View className='booking-steps' data-testid='booking-steps' data-step={BOOKING_STEPS[step].key}>
      <StepIndicator steps={BOOKING_STEPS} current={step} testId='booking-step-bar' />
      <Text className='booking-steps__question' data-testid='booking-question'>
        {BOOKING_STEPS[step].title}
      </Text>
      {step > 0 && chosen ? (
        <Text className='booking-steps__chosen' data-testid='booking-chosen'>
          {[chosen.service.name, step > 1 && date ? dateLabel(date) : null, step > 2 && slot ? `${timeOf(slot.start)}–${timeOf(slot.end)}` : null].filter(Boolean).join(' · ')}
        </Text>
      ) : null}

      {step === 0 ? (
        <View data-testid='booking-services'>
          {services.map(({ service, settings }) => (
            <ServiceCard key={service.id} service={service} settings={settings} selected={service.id === serviceId} detailed={service.id === serviceId} onOpen={() => chooseService(service.id)} />
          ))}
        </View>
      ) : null}

      {step === 1 ? <View className='app-card'>{slotState ?? <DayGrid days={days} value={date} onChange={chooseDate} />}</View> : null}

      {step === 2 ? (
        <View className='app-card'>
          {serverErrors.slotStart && !values.slotStart ? <Text className='form-footer__error'>{serverErrors.slotStart}</Text> : null}
          {slotState ??
            (daySlots.length > 0 ? (
              <SlotGrid slots={daySlots} value={values.slotStart} onChange={(start) => set('slotStart', start)} />
            ) : (
              <StatusView compact variant='empty' message='这一天已没有可约时段' actionText='换一天' onAction={() => go(1)} />
            ))}
        </View>
      ) : null}

      {step === CONFIRM_STEP && chosen ? (
        <>
          <View className='app-card booking-summary' data-testid='booking-summary'>
            <View className='booking-summary__row'>
              <Text className='booking-summary__label'>业务</Text>
              <Text className='booking-summary__value'>{chosen.service.name}</Text>
            </View>
            <View className='booking-summary__row'>
              <Text className='booking-summary__label'>时间</Text>
              <Text className='booking-summary__value' data-testid='booking-summary-time'>
                {slot ? `${dateLabel(slot.date)} ${timeOf(slot.start)}–${timeOf(slot.end)}` : '请返回选择时段'}
              </Text>
            </View>
            {station && !values.onSite ? <StationPlace station={station} /> : null}
          </View>

          <View className='app-card'>
            {chosen.service.onSiteAllowed ? (
              <FormField
                label='办理方式'
                required
                error={errorOf('onSite')}
                hint={values.onSite ? `民警按预约时段到企业集中采集，需${chosen.service.onSiteMinPeople ?? 1}人及以上，请按第1步的清单准备材料。` : '到派出所窗口办理。'}
              >
                <ChoiceChips
                  testId='booking-onsite'
                  options={[
                    { key: 'counter', label: '到派出所办理' },
                    { key: 'onsite', label: '预约上门集中采集' },
                  ]}
                  value={values.onSite ? 'onsite' : 'counter'}
                  onChange={(k) => set('onSite', k === 'onsite')}
                />
              </FormField>
            ) : null}
            {values.onSite ? (
              <FormField label='上门地址' required error={errorOf('siteAddress')}>
                {input('siteAddress', '厂区、楼栋、门牌号', 100)}
              </FormField>
            ) : null}
            <FormField label='办理人数' required error={errorOf('people')} hint={values.onSite ? undefined : `到窗口每次最多${chosen.service.maxPeoplePerVisit}人`}>
              {input('people', '人数', 3, 'number')}
            </FormField>
            <FormField label='联系人' required error={errorOf('contactName')}>
              {input('contactName', '联系人姓名', 20)}
            </FormField>
            <FormField label='联系电话' required error={errorOf('contactMobile')}>
              {input('contactMobile', '11位手机号码', 11, 'number')}
            </FormField>
            <FormField label='备注' error={errorOf('note')}>
              <View className='booking-form__control' data-testid='booking-note'>
                <Textarea
                  className='booking-form__textarea'
                  placeholderClass='form-field__placeholder'
                  placeholder='需要民警提前了解的情况'
                  maxlength={200}
                  value={values.note}
                  onInput={(e) => set('note', e.detail.value)}
                  onBlur={() => touch('note')}
                />
              </View>
            </FormField>
          </View>

          <FormFooter
            serverError={serverError}
            invalid={submitted && !validation.ok}
            submitting={submitting}
            label='提交预约'
            note='预约成功后会生成6位预约码和二维码，办理时向窗口民警出示即可。'
            testId='booking-submit'
            onSubmit={() => form.submit(onSubmit)}
            secondaryLabel='上一步'
            onSecondary={() => go(step - 1)}
          />
        </>
      ) : (
        <>
          {blocked ? (
            <Text className='form-footer__error booking-steps__blocked' data-testid='booking-blocked'>
              {blocked}
            </Text>
          ) : null}
          <View className='booking-steps__nav'>
            {step > 0 ? (
              <Button className='app-button app-button--secondary booking-steps__nav-button' data-testid='booking-back' onClick={() => go(step - 1)}>
                上一步
              </Button>
            ) : null}
            <Button className='app-button booking-steps__nav-button' data-testid='booking-next' onClick={next}>
              下一步
            </Button>
          </View>
        </>
      )}
    </View>
  );
}
