import { Input, Picker, Text, View } from '@tarojs/components';
import { INDUSTRIES } from '../../../../shared/domain/industries';
import type { RegisterEnterpriseBody } from '../../../../shared/schemas/enterprise';
import type { StationSummary } from '../../../../shared/schemas/organisation';
import { FormField } from '../../components/FormField';
import { FormFooter } from '../../components/FormFooter';
import { useFormState } from '../../components/form-state';
import { StatusView } from '../../components/StatusView';
import { isWeapp } from '../../services/config';
import { EMPTY_REGISTER_FORM, validateRegistration, type RegisterErrors, type RegisterField } from './register-form';
import './RegisterForm.scss';

export interface RegisterFormProps {
  stations: StationSummary[];
  stationsLoading: boolean;
  stationsError?: string;
  onReloadStations: () => void;
  submitting: boolean;
  /** The server's message after a failed submit, shown above the button. */
  serverError?: string;
  /** Field problems reported by the server. */
  serverErrors?: RegisterErrors;
  onSubmit: (body: RegisterEnterpriseBody) => void;
}

// Stable default: a fresh {} per render would re-run the effect that watches serverErrors, forever.
const NO_ERRORS: RegisterErrors = {};

type TextField = Exclude<RegisterField, 'industry' | 'stationId'>;

interface TextFieldSpec {
  field: TextField;
  label: string;
  placeholder: string;
  required: boolean;
  maxlength: number;
  numeric?: boolean;
  hint?: string;
}

const TEXT_FIELDS: Record<TextField, TextFieldSpec> = {
  name: { field: 'name', label: '企业名称', placeholder: '与营业执照一致', required: true, maxlength: 60 },
  creditCode: { field: 'creditCode', label: '统一社会信用代码', placeholder: '18位，见营业执照', required: true, maxlength: 18 },
  address: { field: 'address', label: '企业地址', placeholder: '经营场所详细地址', required: true, maxlength: 120 },
  contactName: { field: 'contactName', label: '联系人', placeholder: '联系人姓名', required: true, maxlength: 20 },
  contactMobile: { field: 'contactMobile', label: '手机号', placeholder: '联系人手机号码', required: true, maxlength: 11, numeric: true },
  employeeCount: { field: 'employeeCount', label: '员工人数', placeholder: '如 50', required: false, maxlength: 7, numeric: true },
};

/** 企业注册 form, validated on the client with the server's own schema (RegisterEnterpriseBody). */
export function RegisterForm({ stations, stationsLoading, stationsError, onReloadStations, submitting, serverError, serverErrors = NO_ERRORS, onSubmit }: RegisterFormProps) {
  const form = useFormState(EMPTY_REGISTER_FORM, validateRegistration, serverErrors);
  const { values, set, touch, errorOf, submitted, validation } = form;
  const submit = () => form.submit(onSubmit);

  const textInput = (spec: TextFieldSpec) => (
    <FormField key={spec.field} label={spec.label} required={spec.required} error={errorOf(spec.field)} hint={spec.hint}>
      <Input
        className='form-field__input'
        placeholderClass='form-field__placeholder'
        type={spec.numeric && isWeapp() ? 'number' : 'text'}
        placeholder={spec.placeholder}
        maxlength={spec.maxlength}
        value={values[spec.field]}
        onInput={(e) => set(spec.field, e.detail.value)}
        onBlur={() => touch(spec.field)}
      />
    </FormField>
  );

  const industryIndex = INDUSTRIES.findIndex((i) => i.id === values.industry);
  const stationIndex = stations.findIndex((s) => s.id === values.stationId);

  return (
    <View className='register-form'>
      <View className='app-card register-form__group'>
        <Text className='register-form__group-title'>企业信息</Text>
        {textInput(TEXT_FIELDS.name)}
        {textInput(TEXT_FIELDS.creditCode)}
        <FormField label='所属行业' required error={errorOf('industry')}>
          <Picker
            className='form-field__picker'
            aria-label='所属行业'
            mode='selector'
            range={INDUSTRIES.map((i) => i.label)}
            value={Math.max(industryIndex, 0)}
            onChange={(e) => {
              set('industry', INDUSTRIES[Number(e.detail.value)]?.id ?? '');
              touch('industry');
            }}
          >
            <View className={`form-field__picker-value${industryIndex < 0 ? ' form-field__placeholder' : ''}`}>{industryIndex >= 0 ? INDUSTRIES[industryIndex].label : '点击选择行业'}</View>
          </Picker>
        </FormField>
        {textInput(TEXT_FIELDS.address)}
        <FormField label='辖区派出所' required error={errorOf('stationId') || stationsError}>
          {stationsLoading && stations.length === 0 ? (
            <Text className='form-field__placeholder'>正在加载派出所…</Text>
          ) : stationsError && stations.length === 0 ? (
            <StatusView compact variant='error' message='派出所列表加载失败' onAction={onReloadStations} />
          ) : (
            <Picker
              className='form-field__picker'
              aria-label='辖区派出所'
              mode='selector'
              range={stations.map((s) => s.name)}
              value={Math.max(stationIndex, 0)}
              onChange={(e) => {
                set('stationId', stations[Number(e.detail.value)]?.id ?? '');
                touch('stationId');
              }}
            >
              <View className={`form-field__picker-value${stationIndex < 0 ? ' form-field__placeholder' : ''}`}>{stationIndex >= 0 ? stations[stationIndex].name : '点击选择企业所在地的派出所'}</View>
            </Picker>
          )}
        </FormField>
        {textInput(TEXT_FIELDS.employeeCount)}
      </View>

      <View className='app-card register-form__group'>
        <Text className='register-form__group-title'>联系人</Text>
        {textInput(TEXT_FIELDS.contactName)}
        {textInput(TEXT_FIELDS.contactMobile)}
      </View>

      <FormFooter serverError={serverError} invalid={submitted && !validation.ok} submitting={submitting} label='提交注册' note='提交后系统将为您分配辖区助企警务联络官。' onSubmit={submit} />
    </View>
  );
}
