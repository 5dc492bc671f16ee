import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { STATUS_LABELS } from '../../../../shared/appeals/catalogue';
import { BOOKING_STATUS_LABELS, SERVICE_CATALOGUE } from '../../../../shared/bookings/catalogue';
import type { EnterpriseFile } from '../../../../shared/schemas/enterprise';
import { PlanView } from '../fieldwork/PlanEditor';
import { AttachmentList } from '../evidence/AttachmentList';
import { formatDay, statusLabel } from '../fieldwork/format';
import { shanghaiDate } from '../../../../shared/dates';
import { openPage } from '../../services/navigation';

type Sections = EnterpriseFile['sections'];

export interface FileSectionsProps {
  enterpriseId: string;
  enterpriseName: string;
  sections: Sections;
  /** The caller is police (may edit the plan, log visits). */
  police: boolean;
  /** The caller is the enterprise itself (its own lists have their own pages). */
  own: boolean;
}

const serviceLabel = (id: string) => SERVICE_CATALOGUE.find((s) => s.id === id)?.name ?? id;

function Section({ title, testId, more, action, children }: { title: string; testId: string; more?: () => void; action?: { label: string; onTap: () => void }; children: ReactNode }) {
  return (
    <View className='app-card enterprise-file__section' data-testid={testId}>
      <View className='app-row'>
        <Text className='app-card__title'>{title}</Text>
        {action ? (
          <Text className='enterprise-file__more' onClick={action.onTap}>
            {action.label}
          </Text>
        ) : null}
      </View>
      {children}
      {more ? (
        <View className='enterprise-file__all' onClick={more}>
          查看全部
        </View>
      ) : null}
    </View>
  );
}

function Line({ left, right, onTap, testId }: { left: string; right: ReactNode; onTap?: () => void; testId?: string }) {
  return (
    <View className={`enterprise-file__field${onTap ? ' enterprise-file__field--link' : ''}`} onClick={onTap} data-testid={testId}>
      <Text className='enterprise-file__line'>{left}</Text>
      <View className='enterprise-file__value'>{right}</View>
    </View>
  );
}

const stars = (n: number | undefined) => (n ? `${'★'.repeat(n)}${'☆'.repeat(5 - n)}` : '');

/** 一企一档 sections, each the latest records newest first: plan, visits, appeals with ratings, bookings, ledger. */
export function FileSections({ enterpriseId, enterpriseName, sections, police, own }: FileSectionsProps) {
  const { plan, visits, appeals, bookings, rectifications } = sections;
  return (
    <View className='enterprise-file__sections'>
      {plan ? (
        <Section title='一企一策' testId='file-plan' action={police ? { label: plan.version ? '编辑' : '制定方案', onTap: () => void openPage('servicePlan', { enterpriseId }) } : undefined}>
          <PlanView plan={plan} />
        </Section>
      ) : null}

      {visits ? (
        <Section
          title='走访记录'
          testId='file-visits'
          action={police ? { label: '登记走访', onTap: () => void openPage('visit', { enterpriseId, name: enterpriseName }) } : undefined}
          more={visits.nextCursor ? () => void openPage('visits', { enterpriseId }) : undefined}
        >
          {visits.items.length === 0 ? <Text className='app-card__hint'>暂无走访记录。</Text> : null}
          {visits.items.map((v) => (
            <View key={v.id} data-testid='visit-row'>
              <Line
                left={`${formatDay(v.day)} ${v.officerName}`}
                right={<Text className='app-muted'>{v.problems.length ? `发现问题${v.problems.length}个` : '未发现问题'}</Text>}
                onTap={() => void openPage('visit', { id: v.id })}
              />
              {/* 工作影像资料: thumbnails (police only: enterprises never get the visits section). */}
              {v.attachments?.length ? <AttachmentList items={v.attachments} testId='visit-photos' /> : null}
            </View>
          ))}
        </Section>
      ) : null}

      {appeals ? (
        <Section title='诉求与评价' testId='file-appeals' more={own && appeals.nextCursor ? () => void openPage('myAppeals') : undefined}>
          {appeals.items.length === 0 ? <Text className='app-card__hint'>暂无诉求。</Text> : null}
          {appeals.items.map((a) => (
            <Line
              key={a.id}
              left={`${formatDay(shanghaiDate(a.createdAt))} ${a.title}`}
              right={
                <>
                  {/* 证据材料 linked to the appeal and its conversation (a count kept on the appeal: no file is read). */}
                  {a.attachmentCount ? <Text className='app-muted enterprise-file__files'>{`附件 ${a.attachmentCount}`}</Text> : null}
                  <Text className={a.rating !== undefined && a.rating <= 2 ? 'enterprise-file__bad' : 'app-muted'}>{a.rating ? stars(a.rating) : STATUS_LABELS[a.status]}</Text>
                </>
              }
              onTap={() => void openPage('appealDetail', { id: a.id })}
            />
          ))}
        </Section>
      ) : null}

      {bookings ? (
        <Section title='预约办证' testId='file-bookings' more={own && bookings.nextCursor ? () => void openPage('myBookings') : undefined}>
          {bookings.items.length === 0 ? <Text className='app-card__hint'>暂无预约。</Text> : null}
          {bookings.items.map((b) => (
            <Line
              key={b.id}
              left={`${formatDay(shanghaiDate(b.slotStart))} ${serviceLabel(b.serviceId)}`}
              right={<Text className='app-muted'>{BOOKING_STATUS_LABELS[b.status]}</Text>}
              onTap={() => void openPage('bookingDetail', { id: b.id })}
            />
          ))}
        </Section>
      ) : null}

      {rectifications ? (
        <Section title='问题整改' testId='file-rectifications'>
          {rectifications.items.length === 0 ? <Text className='app-card__hint'>暂无整改事项。</Text> : null}
          {rectifications.items.map((r) => (
            <View key={r.id} data-testid='rectification-row'>
              <Line
                left={`${formatDay(r.openedDay)} ${r.description}`}
                right={<Text className={r.overdue ? 'enterprise-file__bad' : 'app-muted'}>{r.overdue ? `${statusLabel(r.status)}·已逾期` : statusLabel(r.status)}</Text>}
                onTap={() => void openPage('rectification', { id: r.id })}
              />
              {/* 整改后 photos of a closed item (police only, like the section); both sides are on the item's page. */}
              {r.afterPhotos?.length ? <AttachmentList items={r.afterPhotos} testId='rectification-after-photos' /> : null}
            </View>
          ))}
          {rectifications.nextCursor ? <Text className='app-muted'>仅显示最近10项，全部事项见整改台账。</Text> : null}
        </Section>
      ) : null}
    </View>
  );
}
