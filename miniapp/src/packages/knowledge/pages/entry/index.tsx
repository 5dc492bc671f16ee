import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { StatusView } from '../../../../components/StatusView';
import { askOfficerQuery, categoryLabel, formatDay, paragraphs, statusLabel } from '../../../../features/knowledge/knowledge-format';
import '../../../../features/knowledge/knowledge.scss';
import { useMe, usePageRefresh, useRequest } from '../../../../services/hooks';
import { openPage } from '../../../../services/navigation';
import { api } from '../../../../services/request';
import { pageScaleStyle } from '../../../../services/text-size';

/** 政策解答: one entry of the knowledge base; an enterprise can still ask its officer from here. */
export default function KnowledgeEntryPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const me = useMe();
  const loaded = useRequest(() => api('getKnowledgeEntry', { params: { entryId: id } }), [id], Boolean(id));
  usePageRefresh(loaded.reload);

  if (!id)
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='empty' message='未指定要查看的解答' />
      </View>
    );
  if (loaded.loading && !loaded.data)
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='loading' message='正在加载解答…' />
      </View>
    );
  if (loaded.error || !loaded.data)
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='error' message={loaded.error?.message} onAction={loaded.reload} />
      </View>
    );

  const entry = loaded.data;
  return (
    <View style={pageScaleStyle()} className='app-page knowledge-entry' data-testid='knowledge-entry-page' data-entry-id={entry.id}>
      <View className='app-card'>
        <Text className='knowledge-entry__question' data-testid='knowledge-entry-question'>
          {entry.question}
        </Text>
        <View className='knowledge-entry__meta'>
          <Text className='app-tag'>{categoryLabel(entry.category)}</Text>
          {entry.tags.map((t) => (
            <Text key={t} className='knowledge-item__tag'>
              #{t}
            </Text>
          ))}
          {entry.status !== 'published' ? <Text className='app-tag app-tag--warning'>{statusLabel(entry.status)}</Text> : null}
        </View>
        {paragraphs(entry.answer).map((p, i) => (
          <Text key={i} className='knowledge-entry__paragraph'>
            {p}
          </Text>
        ))}
        <Text className='app-muted'>{`助企警务中心 · 更新于 ${formatDay(entry.updatedAt)}`}</Text>
      </View>
      {me?.role === 'enterprise' ? (
        <Button className='app-button app-button--secondary app-button--block' data-testid='ask-officer' onClick={() => void openPage('appealReport', askOfficerQuery(entry.question, 'entry'))}>
          还有疑问？问我的联络官
        </Button>
      ) : null}
      {me?.role === 'centre' ? (
        <Button className='app-button app-button--secondary app-button--block' onClick={() => void openPage('knowledgeEdit', { id: entry.id })}>
          编辑
        </Button>
      ) : null}
    </View>
  );
}
