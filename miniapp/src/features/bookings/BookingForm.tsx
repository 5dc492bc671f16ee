import { Input, Textarea, View } from '@tarojs/components';
import type { CreateBookingBody, ServiceDefinition, Slot } from '../../../../shared/bookings/schemas';
import { ChoiceChips } from '../../components/ChoiceChips';
import { FormField } from '../../components/FormField';
import { FormFooter } from '../../components/FormFooter';
import { useFormState } from '../../components/form-state';
import { StatusView } from '../../components/StatusView';
import { validateBooking, type BookingErrors, type BookingField, type BookingFormValues } from './booking-format';
import { SlotPicker } from './SlotPicker';

export interface BookingFormProps {
  service: ServiceDefinition;
  slots: readonly Slot[];
  slotsLoading?: boolean;
  slotsError?: string;
  onReloadSlots?: () => void;
  /** Prefilled from the enterprise (contactName / contactMobile). */
  defaults?: { contactName?: string; contactMobile?: string };
  submitting: boolean;
  serverError?: string;
  serverErrors?: BookingErrors;
  onSubmit: (body: CreateBookingBody) => void;
}

const NO_ERRORS: BookingErrors = {};

/** 预约办证 form, validated with the server's own schema (CreateBookingBody). */
export function BookingForm({ service, slots, slotsLoading = false, slotsError, onReloadSlots, defaults, submitting, serverError, serverErrors = NO_ERRORS, onSubmit }: BookingFormProps) {
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
    (v) => validateBooking(service, v),
    serverErrors,
  );
  const { values, set, touch, errorOf, submitted, validation } = form;
  const submit = () => form.submit(onSubmit);

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
    <View className='booking-form'>
      <View className='app-card'>
        <FormField label='预约时段' required error={errorOf('slotStart')} hint='只列出还有名额的办公日；约满的时段不可选。'>
          {slotsLoading && slots.length === 0 ? (
            <StatusView compact variant='loading' message='正在查询可预约时段…' />
          ) : slotsError && slots.length === 0 ? (
            <StatusView compact variant='error' message={slotsError} onAction={onReloadSlots} />
          ) : slots.length === 0 ? (
            <StatusView compact variant='empty' message='近期没有可预约的时段' hint='名额每天更新，请稍后再来看看，或拨打派出所电话咨询。' />
          ) : (
            <SlotPicker slots={slots} value={values.slotStart} onChange={(start) => set('slotStart', start)} />
          )}
        </FormField>
      </View>

      <View className='app-card'>
        {service.onSiteAllowed ? (
          <FormField label='办理方式' required error={errorOf('onSite')} hint={values.onSite ? `民警按预约时段到企业集中采集，需${service.onSiteMinPeople ?? 1}人及以上，请按上方清单准备材料。` : '到派出所窗口办理。'}>
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
        <FormField label='办理人数' required error={errorOf('people')} hint={values.onSite ? undefined : `到窗口每次最多${service.maxPeoplePerVisit}人`}>
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
        note='预约成功后会生成6位预约码，办理时向窗口民警出示即可。'
        testId='booking-submit'
        onSubmit={submit}
      />
    </View>
  );
}
