import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { INDUSTRY_LABELS } from '../../../../shared/domain/industries';
import type { EnterpriseFile } from '../../../../shared/schemas/enterprise';
import { callPhone, OfficerCard } from '../../components/OfficerCard';
import { api } from '../../services/request';
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
  // Police get the contact masked (138****1234); 查看 / 拨打 ask for the full number, which the enterprise
  // then sees in 谁查看了我的档案.
  const [revealed, setRevealed] = useState<{ contactName: string; contactMobile: string } | null>(null);
  const reveal = async () => {
    if (revealed) return revealed;
    const contact = await api('revealEnterpriseContact', { params: { enterpriseId: enterprise.id } });
    setRevealed(contact);
    return contact;
  };
  const contact = viewer === 'police' ? (revealed ?? enterprise) : enterprise;
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
            <Field label='姓名' value={contact.contactName} />
            {viewer === 'police' ? (
              <>
                <Field label='手机号' value={contact.contactMobile} />
                <View className='enterprise-file__contact-actions'>
                  {revealed ? null : (
                    <Button className='app-button app-button--secondary' data-testid='contact-reveal' onClick={() => void reveal().catch(() => undefined)}>
                      查看完整号码
                    </Button>
                  )}
                  <Button
                    className='app-button'
                    data-testid='contact-call'
                    onClick={() =>
                      void reveal()
                        .then((c) => callPhone(c.contactMobile))
                        .catch(() => undefined)
                    }
                  >
                    拨打
                  </Button>
                </View>
                <Text className='enterprise-file__note'>查看或拨打完整号码会记入企业可见的查看记录。</Text>
              </>
            ) : (
              <Field label='手机号' value={`${enterprise.contactMobile}（点击拨打）`} onTap={() => callPhone(enterprise.contactMobile)} />
            )}
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
