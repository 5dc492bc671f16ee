import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { INDUSTRY_LABELS } from '../../../../shared/domain/industries';
import type { EnterpriseFile } from '../../../../shared/schemas/enterprise';
import { callPhone, OfficerCard } from '../../components/OfficerCard';
import './EnterpriseFileView.scss';

export interface EnterpriseFileViewProps {
  file: EnterpriseFile;
}

/**
 * How each module shows its section of the file (appeals, bookings, visits, ratings). A module registers
 * its renderer here when it ships; sections without one are listed by name only.
 */
export const FILE_SECTION_RENDERERS: Record<string, { title: string; render: (data: unknown) => ReactNode }> = {};

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

/** 一企一档: profile, contact, liaison officer, and the sections later modules add. */
export function EnterpriseFileView({ file }: EnterpriseFileViewProps) {
  const { enterprise, officer, station, sections } = file;
  const sectionKeys = Object.keys(sections);
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

      <View className='app-card'>
        <Text className='app-card__title'>业务记录</Text>
        {sectionKeys.length === 0 ? (
          <Text className='app-card__hint'>暂无诉求、预约等业务记录。</Text>
        ) : (
          sectionKeys.map((key) => {
            const renderer = FILE_SECTION_RENDERERS[key];
            return (
              <View key={key} className='enterprise-file__section'>
                <Text className='enterprise-file__section-title'>{renderer?.title ?? key}</Text>
                {renderer ? renderer.render(sections[key]) : <Text className='app-card__hint'>该板块即将上线。</Text>}
              </View>
            );
          })
        )}
      </View>
    </View>
  );
}
