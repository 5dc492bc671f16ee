import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { CreateVisitBody } from '../../../../../../shared/fieldwork/schemas';
import { FOLLOW_UP_LABELS } from '../../../../../../shared/fieldwork/rules';
import { StatusView } from '../../../../components/StatusView';
import { AttachmentList } from '../../../../features/evidence/AttachmentList';
import { VisitForm } from '../../../../features/fieldwork/VisitForm';
import { formatDay, today as todayOf } from '../../../../features/fieldwork/format';
import { issuesToProblemErrors, issuesToVisitErrors, type ProblemErrors, type VisitErrors } from '../../../../features/fieldwork/visit-form';
import { usePageRefresh, useRequest } from '../../../../services/hooks';
import { openPage } from '../../../../services/navigation';
import { api, ApiError } from '../../../../services/request';
import { pageScaleStyle } from '../../../../services/text-size';

const decodeParam = (v: string | undefined) => {
  try {
    return v ? decodeURIComponent(v) : undefined;
  } catch {
    return v;
  }
};

/** ?enterpriseId=&name=: 登记走访; ?id=: a logged visit. */
export default function VisitPage() {
  const { params } = useRouter();
  // After logging, the page shows the new visit in place (a redirect to this same page would stack two).
  const [created, setCreated] = useState<string | null>(null);
  const id = params.id ?? created;
  return id ? <VisitDetail id={id} /> : <NewVisit enterpriseId={params.enterpriseId ?? ''} name={decodeParam(params.name) ?? ''} onCreated={setCreated} />;
}

function NewVisit({ enterpriseId, name, onCreated }: { enterpriseId: string; name: string; onCreated: (id: string) => void }) {
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [serverErrors, setServerErrors] = useState<VisitErrors>({});
  const [serverProblemErrors, setServerProblemErrors] = useState<ProblemErrors>({});
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '登记走访' });
  }, []);
  if (!enterpriseId) return <StatusView variant='error' message='缺少企业编号，请从走访企业列表进入' />;

  const submit = async (body: CreateVisitBody) => {
    setSubmitting(true);
    setServerError(undefined);
    try {
      const created = await api('createVisit', { body });
      const n = created.rectifications.length;
      void Taro.showToast({ title: n ? `已登记，${n}项转整改` : '走访已登记', icon: 'success' });
      onCreated(created.visit.id);
    } catch (error) {
      if (error instanceof ApiError) {
        setServerError(error.message);
        setServerErrors(issuesToVisitErrors(error.issues));
        setServerProblemErrors(issuesToProblemErrors(error.issues));
      }
    } finally {
      setSubmitting(false);
    }
  };
  return (
    <View style={pageScaleStyle()} className='app-page' data-testid='visit-new'>
      <VisitForm
        enterpriseId={enterpriseId}
        enterpriseName={name || '走访企业'}
        today={todayOf()}
        submitting={submitting}
        serverError={serverError}
        serverErrors={serverErrors}
        serverProblemErrors={serverProblemErrors}
        onSubmit={(b) => void submit(b)}
      />
    </View>
  );
}

function VisitDetail({ id }: { id: string }) {
  const visit = useRequest(() => api('getVisit', { params: { visitId: id } }), [id]);
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '走访记录' });
  }, []);
  usePageRefresh(visit.reload);
  if (visit.loading && !visit.data) return <StatusView variant='loading' message='正在加载走访记录…' />;
  if (visit.error && !visit.data) return <StatusView variant='error' message={visit.error.message} onAction={visit.reload} />;
  const v = visit.data!;
  return (
    <View style={pageScaleStyle()} className='app-page' data-testid='visit-detail'>
      <View className='app-banner'>
        <Text className='app-banner__title'>{v.enterpriseName}</Text>
        <Text className='app-banner__subtitle'>{`${formatDay(v.day)} · 民警 ${v.officerName}`}</Text>
      </View>
      <View className='app-card'>
        <Text className='app-card__title'>走访对象</Text>
        <Text>{v.metWith}</Text>
      </View>
      <View className='app-card'>
        <Text className='app-card__title'>交流内容</Text>
        <Text>{v.content}</Text>
      </View>
      {v.attachments?.length ? (
        <View className='app-card'>
          <Text className='app-card__title'>工作影像资料</Text>
          <AttachmentList items={v.attachments} testId='visit-attachments' />
        </View>
      ) : null}
      <View className='app-card'>
        <Text className='app-card__title'>发现的问题</Text>
        {v.problems.length === 0 ? <Text className='app-card__hint'>本次走访未发现问题。</Text> : null}
        {v.problems.map((p, i) => (
          <View
            key={i}
            className='app-row'
            onClick={() => {
              if (p.rectificationId) void openPage('rectification', { id: p.rectificationId });
              else if (p.appealId) void openPage('appealDetail', { id: p.appealId });
            }}
          >
            <Text>{`${i + 1}. ${p.description}`}</Text>
            <Text className={p.rectificationId || p.appealId ? 'app-tag' : 'app-muted'}>
              {p.rectificationId ? `${FOLLOW_UP_LABELS[p.followUp]} · 期限${formatDay(p.deadline)}` : p.appealId ? '已转诉求 · 查看办理 ›' : '仅记录'}
            </Text>
          </View>
        ))}
      </View>
      <Button className='app-button app-button--secondary app-button--block' onClick={() => void openPage('enterpriseFile', { enterpriseId: v.enterpriseId })}>
        查看企业档案
      </Button>
    </View>
  );
}
