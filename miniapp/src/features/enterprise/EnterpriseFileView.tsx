import { Text, View } from '@tarojs/components';
import { INDUSTRY_LABELS } from '../../../../shared/domain/industries';
import type { EnterpriseFile } from '../../../../shared/schemas/enterprise';
import { callPhone, OfficerCard } from '../../components/OfficerCard';
import { FileSections } from './FileSections';
import './EnterpriseFileView.scss';

export interface EnterpriseFileViewProps {
  file: EnterpriseFile;
  /** Who is looking: the police see visits and the ledger and can edit the plan. */
  viewer?: 'enterprise' | 'police';
}

function Field({ label, value, onTap }: { label: string; value: string; onTap?: () => void }) {
  return (
    <View className={`enterprise-file__field${onTap ? ' enterprise-file__field--link' : ''}`} onClick={onTap}>
      <Text className='enterprise-file__label'>{label}</Text>
      <Text className='enterprise-file__value'>{value}</Text>
    </View>
  );
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** 一企一档: profile, contact, liaison officer, then the sections (plan, visits, appeals, bookings, ledger). */
export function EnterpriseFileView({ file, viewer = 'enterprise' }: EnterpriseFileViewProps) {
  const { enterprise, officer, station, sections } = file;
  return (
    <View className='enterprise-file'>
      <View className='enterprise-file__header'>
        <Text className='enterprise-file__name'>{enterprise.name}</Text>
        <Text className='enterprise-file__code'>{`统一社会信用代码 ${enterprise.creditCode}`}</Text>
      </View>

      <View className='enterprise-file__columns'>
        <View className='enterprise-file__column'>
          <View className='app-card'>
            <Text className='app-card__title'>企业概况</Text>
            <Field label='所属行业' value={INDUSTRY_LABELS[enterprise.industry] ?? enterprise.industry} />
            <Field label='企业地址' value={enterprise.address} />
            <Field label='员工人数' value={enterprise.employeeCount === null ? '未填写' : `${enterprise.employeeCount} 人`} />
            <Field label='注册时间' value={formatDate(enterprise.createdAt)} />
          </View>

          <View className='app-card'>
            <Text className='app-card__title'>联系人</Text>
            <Field label='姓名' value={enterprise.contactName} />
            <Field label='手机号' value={`${enterprise.contactMobile}（点击拨打）`} onTap={() => callPhone(enterprise.contactMobile)} />
          </View>
        </View>

        <View className='enterprise-file__column'>
          <OfficerCard officer={officer} heading='联络官' />
          <View className='app-card'>
            <Text className='app-card__title'>辖区派出所</Text>
            <Field label='名称' value={station.name} />
            <Field label='地址' value={station.address} />
            <Field label='值班电话' value={station.phone} onTap={() => callPhone(station.phone)} />
          </View>
        </View>
      </View>

      <FileSections enterpriseId={enterprise.id} enterpriseName={enterprise.name} sections={sections} police={viewer === 'police'} own={viewer === 'enterprise'} />
    </View>
  );
}
