import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ACTION_LABELS, DEPARTMENT_LABELS, cannedReplies, type AppealAction, type DepartmentId } from '../../../../../../shared/appeals/catalogue';
import type { AppealActionBody } from '../../../../../../shared/appeals/schemas';
import type { AppealMessage, AppealView } from '../../../../../../shared/appeals/views';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { ActionSheet, isFormAction, type FormAction } from '../../../../features/appeals/ActionSheet';
import { AppealActions } from '../../../../features/appeals/AppealActions';
import { AppealConversation } from '../../../../features/appeals/AppealConversation';
import { AppealHeader } from '../../../../features/appeals/AppealHeader';
import { AppealTimeline } from '../../../../features/appeals/AppealTimeline';
import { EnterpriseContactCard } from '../../../../features/appeals/EnterpriseContactCard';
import { AttachmentList } from '../../../../features/evidence/AttachmentList';
import { RatingSheet } from '../../../../features/appeals/RatingSheet';
import { useMe, usePageRefresh, useRequest } from '../../../../services/hooks';
import { api, ApiError } from '../../../../services/request';
import { openPage } from '../../../../services/navigation';
import './index.scss';
import { pageScaleStyle } from '../../../../services/text-size';

/** Every message of the appeal, oldest first (a conversation is short; the cap guards a runaway one). */
async function loadMessages(appealId: string): Promise<AppealMessage[]> {
  const all: AppealMessage[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 5; page++) {
    const { items, nextCursor } = await api('listAppealMessages', { params: { appealId }, query: { cursor, limit: 100 } });
    all.push(...items);
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return all;
}

interface Confirmation {
  title: string;
  content: string;
  confirmText: string;
  danger?: boolean;
}

/** Actions that cannot be taken back ask first. */
function confirmationFor(body: AppealActionBody): Confirmation | null {
  switch (body.action) {
    case 'withdraw':
      return { title: '撤回诉求', content: '撤回后联络官将停止办理，如需办理须重新提交。确定撤回吗？', confirmText: '撤回', danger: true };
    case 'transfer':
      return { title: '转办', content: `确定将该诉求转交${DEPARTMENT_LABELS[body.departmentId as DepartmentId]}办理吗？转办后需登记部门反馈才能办结。`, confirmText: '转办' };
    case 'resolve':
      return { title: '办结', content: '办结后企业将收到办理结果并进行评价。确定办结吗？', confirmText: '办结' };
    case 'escalate':
      return { title: '上报所领导', content: '上报后所长将在每日队列中看到该诉求。确定上报吗？', confirmText: '上报' };
    case 'reassign':
      return { title: '改派联络官', content: '改派后由新的联络官负责办理，原联络官不再处理。确定改派吗？', confirmText: '改派' };
    default:
      return null;
  }
}

const DONE_MESSAGES: Partial<Record<AppealAction, string>> = {
  accept: '已受理',
  start: '已开始办理',
  request_info: '已通知企业补充',
  provide_info: '已提交补充材料',
  transfer: '已转办',
  record_feedback: '已登记反馈',
  escalate: '已上报',
  reassign: '已改派',
  resolve: '已办结',
  reopen: '已申请重新办理',
  rate: '感谢您的评价',
  withdraw: '已撤回',
  rectify: '已登记整改',
};

type Sheet = FormAction | 'rate' | null;

/**
 * 诉求详情 (?id=): the appeal, its 办理记录, the conversation, and exactly the actions the server allows this
 * caller now (`allowedActions`). Every action carries the version that was loaded; on a clash (409) the request
 * layer shows the server's message and the page loads the appeal again.
 */
export default function AppealDetailPage() {
  const { params } = useRouter();
  const appealId = params.id ?? '';
  const me = useMe();
  const audience = me?.role === 'enterprise' ? 'enterprise' : 'police';

  const loaded = useRequest(() => api('getAppeal', { params: { appealId } }), [appealId], Boolean(appealId));
  const messages = useRequest(() => loadMessages(appealId), [appealId], Boolean(appealId));
  // The result of an action or a sent message, newer than what was loaded, until the next reload.
  const [acted, setActed] = useState<AppealView | null>(null);
  const [sent, setSent] = useState<AppealMessage[]>([]);
  const view = acted ?? loaded.data;

  const [sheet, setSheet] = useState<Sheet>(null);
  const [busy, setBusy] = useState(false);
  const [sheetErrors, setSheetErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);

  const stationId = view?.appeal.stationId;
  const officers = useRequest(() => api('listStationOfficers', { params: { stationId: stationId! }, query: { limit: 100 } }), [stationId, sheet === 'reassign'], sheet === 'reassign' && Boolean(stationId));

  const reloadAll = async () => {
    setActed(null);
    setSent([]);
    await Promise.all([loaded.reload(), messages.reload()]);
  };
  usePageRefresh(reloadAll);

  const closeSheet = () => {
    setSheet(null);
    setSheetErrors({});
  };

  const send = async (body: AppealActionBody) => {
    const confirmation = confirmationFor(body);
    if (confirmation) {
      const { confirm } = await Taro.showModal({
        title: confirmation.title,
        content: confirmation.content,
        confirmText: confirmation.confirmText,
        cancelText: '取消',
        confirmColor: confirmation.danger ? '#c0392b' : '#1d4f91',
      });
      if (!confirm) return;
    }
    setBusy(true);
    try {
      const next = await api('actOnAppeal', { params: { appealId }, body });
      setActed(next);
      closeSheet();
      void Taro.showToast({ title: DONE_MESSAGES[body.action] ?? `已${ACTION_LABELS[body.action]}`, icon: 'none' });
    } catch (error) {
      if (!(error instanceof ApiError)) return;
      if (error.status === 409) {
        // Someone acted first (or the deadline moved on): the toast said so; show the appeal as it is now.
        closeSheet();
        await reloadAll();
      } else if (error.issues.length > 0) {
        const byField: Record<string, string> = {};
        for (const issue of error.issues) {
          const field = issue.field.split('.').pop() ?? '';
          if (!byField[field]) byField[field] = issue.message;
        }
        setSheetErrors(byField);
      }
    } finally {
      setBusy(false);
    }
  };

  const onAction = (action: AppealAction) => {
    if (!view) return;
    setSheetErrors({});
    if (action === 'rate' || isFormAction(action)) {
      setSheet(action);
      return;
    }
    // accept, start: nothing to write, one tap.
    void send({ action, version: view.appeal.version } as AppealActionBody);
  };

  const postMessage = async (text: string, attachmentIds: string[]) => {
    setSending(true);
    try {
      const message = await api('postAppealMessage', { params: { appealId }, body: attachmentIds.length ? { text, attachmentIds } : { text } });
      setSent((prev) => [...prev, message]);
      return true;
    } catch {
      return false;
    } finally {
      setSending(false);
    }
  };

  if (!appealId) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='error' message='缺少诉求编号' hint='请从诉求列表进入。' />
      </View>
    );
  }
  if (!view) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        {loaded.error ? <StatusView variant='error' message={loaded.error.message} onAction={loaded.reload} /> : <StatusView variant='loading' message='正在加载诉求…' />}
      </View>
    );
  }

  const loadedIds = new Set((messages.data ?? []).map((m) => m.id));
  const allMessages = [...(messages.data ?? []), ...sent.filter((m) => !loadedIds.has(m.id))];
  const { appeal } = view;

  return (
    <View style={pageScaleStyle()} className='app-page app-page--wide appeal-detail' data-testid='appeal-detail' data-status={appeal.status}>
      <View className='appeal-detail__columns'>
        <View className='appeal-detail__main'>
          <AppealHeader view={view} audience={audience} />
          {audience === 'police' ? <EnterpriseContactCard enterpriseId={appeal.enterpriseId} /> : null}
          {view.attachments?.length ? (
            <View className='app-card appeal-detail__evidence' data-testid='appeal-evidence'>
              <Text className='appeal-detail__evidence-title'>证据材料</Text>
              <AttachmentList items={view.attachments} />
            </View>
          ) : null}
          <AppealActions actions={view.allowedActions} busy={busy} onAction={onAction} />
          {(me?.role === 'officer' || me?.role === 'chief') && appeal.type === 'policy' && (appeal.status === 'resolved' || appeal.status === 'closed') ? (
            <Button className='app-button app-button--secondary app-button--block' data-testid='promote-knowledge' onClick={() => void openPage('knowledgeEdit', { fromAppeal: appeal.id })}>
              转为知识库条目
            </Button>
          ) : null}
        </View>
        <View className='appeal-detail__side'>
          <RefreshBar title='办理进展' onRefresh={reloadAll} refreshing={loaded.loading || messages.loading} />
          <AppealConversation
            messages={allMessages}
            loading={messages.loading}
            errorMessage={messages.error?.message}
            onRetry={messages.reload}
            canMessage={view.canMessage && me?.role !== 'centre'}
            side={audience}
            cannedReplies={audience === 'police' ? cannedReplies(appeal.type, appeal.category) : undefined}
            sending={sending}
            onSend={postMessage}
            appealId={appealId}
          />
          <AppealTimeline history={view.history} enterpriseName={view.enterpriseName} />
        </View>
      </View>

      {sheet === 'rate' ? (
        <RatingSheet version={appeal.version} submitting={busy} serverErrors={sheetErrors} onSubmit={(body) => void send(body)} onClose={closeSheet} />
      ) : sheet ? (
        <ActionSheet
          key={sheet}
          action={sheet}
          version={appeal.version}
          submitting={busy}
          officers={(officers.data?.items ?? []).filter((o) => o.id !== appeal.officerId)}
          officersLoading={officers.loading}
          serverErrors={sheetErrors}
          onSubmit={(body) => void send(body)}
          onClose={closeSheet}
        />
      ) : null}
    </View>
  );
}
