import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import type { KnowledgeStatus } from '../../../../../../shared/knowledge/catalogue';
import type { KnowledgeSummary } from '../../../../../../shared/knowledge/schemas';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { PagedList } from '../../../../components/PagedList';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { GapItem, type KnowledgeGap } from '../../../../features/knowledge/GapItem';
import { KnowledgeItem } from '../../../../features/knowledge/KnowledgeItem';
import { MANAGE_TABS, monthLabel, shanghaiMonth, type ManageTab } from '../../../../features/knowledge/knowledge-format';
import { QUESTION_MAX } from '../../../../../../shared/knowledge/schemas';
import '../../../../features/knowledge/knowledge.scss';
import { useMe, usePaged, usePageRefresh } from '../../../../services/hooks';
import { openPage } from '../../../../services/navigation';
import { api } from '../../../../services/request';
import { pageScaleStyle } from '../../../../services/text-size';

const EMPTY: Record<KnowledgeStatus, string> = { published: '还没有已发布的条目', pending: '没有待审核的条目', draft: '没有草稿', archived: '没有已归档的条目' };

/**
 * 知识库管理 (centre): entries by status; edit, publish (pending/draft/archived) and archive, each confirmed.
 * The 未解答问题 tab lists the month's searches that found no good answer, newest first, each with 新建条目.
 */
export default function KnowledgeManagePage() {
  const me = useMe();
  const centre = me?.role === 'centre';
  const [tab, setTab] = useState<ManageTab>('pending');
  const showGaps = tab === 'gaps';
  const status: KnowledgeStatus = showGaps ? 'pending' : tab;
  const [months] = useState(() => [shanghaiMonth(), shanghaiMonth(Date.now(), 1)]);
  const [month, setMonth] = useState(months[0]);
  const [busy, setBusy] = useState<string>();
  const entries = usePaged((cursor) => api('listKnowledgeEntries', { query: { status, cursor, limit: 20 } }), [status], centre && !showGaps);
  const gaps = usePaged((cursor) => api('listKnowledgeGaps', { query: { month, cursor, limit: 20 } }), [month], centre && showGaps);
  const list = showGaps ? gaps : entries;
  usePageRefresh(
    () => list.refresh(),
    () => list.loadMore(),
  );
  const [shownOnce, setShownOnce] = useState(false);
  useDidShow(() => {
    if (shownOnce) void list.refresh();
    setShownOnce(true);
  });

  const createFrom = (gap: KnowledgeGap) => void openPage('knowledgeEdit', { question: gap.query.trim().slice(0, QUESTION_MAX) });

  const change = async (entry: KnowledgeSummary, action: 'publish' | 'archive') => {
    const verb = action === 'publish' ? '发布' : '归档';
    const { confirm } = await Taro.showModal({
      title: `${verb}条目`,
      content: action === 'publish' ? `发布后企业即可搜索到“${entry.question}”。` : `归档后企业将不再搜索到“${entry.question}”。`,
      confirmText: verb,
    });
    if (!confirm) return;
    setBusy(entry.id);
    try {
      await api(action === 'publish' ? 'publishKnowledgeEntry' : 'archiveKnowledgeEntry', { params: { entryId: entry.id }, body: { version: entry.version } });
      void Taro.showToast({ title: `已${verb}`, icon: 'success' });
      await entries.refresh();
    } catch {
      // The request layer has shown the message (e.g. 已被他人修改): reload to show the current state.
      await entries.refresh();
    } finally {
      setBusy(undefined);
    }
  };

  if (me && me.role !== 'centre')
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='empty' message='只有助企警务中心可以管理知识库' />
      </View>
    );

  return (
    <View style={pageScaleStyle()} className='app-page' data-testid='knowledge-manage-page'>
      <ChoiceChips testId='knowledge-tabs' layout='scroll' options={MANAGE_TABS} value={tab} onChange={setTab} />
      {showGaps ? (
        <View>
          <View className='knowledge-manage__months'>
            <ChoiceChips
              testId='gap-months'
              options={[
                { key: months[0], label: '本月' },
                { key: months[1], label: '上月' },
              ]}
              value={month}
              onChange={setMonth}
            />
          </View>
          <RefreshBar title={`${monthLabel(month)}未解答问题`} onRefresh={gaps.refresh} refreshing={gaps.loading} />
          <PagedList
            state={gaps}
            loadingMessage='正在加载未解答问题…'
            emptyMessage={`${monthLabel(month)}没有未解答的问题`}
            emptyHint='企业和民警在政策咨询中搜索却没有找到满意解答的问题会列在这里。'
            renderItem={(gap) => <GapItem key={`${gap.at}-${gap.query}`} gap={gap} onCreate={createFrom} />}
          />
        </View>
      ) : (
        <View>
          <RefreshBar title='政策知识库' onRefresh={entries.refresh} refreshing={entries.loading} />
          <PagedList
            state={entries}
            loadingMessage='正在加载条目…'
            emptyMessage={EMPTY[status]}
            renderItem={(entry) => (
              <View key={entry.id}>
                <KnowledgeItem entry={entry} showStatus onOpen={(id) => void openPage('knowledgeEntry', { id })} />
                <View className='knowledge-item__actions'>
                  <Button className='app-button app-button--secondary' onClick={() => void openPage('knowledgeEdit', { id: entry.id })}>
                    编辑
                  </Button>
                  {entry.status !== 'published' ? (
                    <Button className='app-button' data-testid='publish-entry' disabled={busy === entry.id} onClick={() => void change(entry, 'publish')}>
                      发布
                    </Button>
                  ) : null}
                  {entry.status !== 'archived' ? (
                    <Button className='app-button app-button--secondary' data-testid='archive-entry' disabled={busy === entry.id} onClick={() => void change(entry, 'archive')}>
                      归档
                    </Button>
                  ) : null}
                </View>
              </View>
            )}
          />
        </View>
      )}
      <Button className='app-button app-button--block' onClick={() => void openPage('knowledgeEdit')}>
        新建条目
      </Button>
    </View>
  );
}
