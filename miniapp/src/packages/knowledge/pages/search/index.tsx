import { useState } from 'react';
import { useLoad, useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { HOT_QUESTIONS, type KnowledgeCategory } from '../../../../../../shared/knowledge/catalogue';
import type { KnowledgeSearchResult } from '../../../../../../shared/knowledge/schemas';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { PagedList } from '../../../../components/PagedList';
import { StatusView } from '../../../../components/StatusView';
import { KnowledgeItem } from '../../../../features/knowledge/KnowledgeItem';
import { askOfficerQuery, CATEGORY_CHIPS } from '../../../../features/knowledge/knowledge-format';
import '../../../../features/knowledge/knowledge.scss';
import { useMe, usePaged, usePageRefresh } from '../../../../services/hooks';
import { openPage } from '../../../../services/navigation';
import { api, ApiError } from '../../../../services/request';
import { pageScaleStyle } from '../../../../services/text-size';

type CategoryKey = KnowledgeCategory | 'all';

/**
 * 政策咨询: search the centre's published answers first; when nothing answers the question, 「问我的联络官」
 * opens the 政策咨询 report form pre-filled with the question. Before a search: hot questions and browsing
 * by category.
 */
export default function KnowledgeSearchPage() {
  const { params } = useRouter();
  const me = useMe();
  const initial = params.q ? safeDecode(params.q) : '';
  const [text, setText] = useState(initial);
  const [query, setQuery] = useState(initial);
  const [category, setCategory] = useState<CategoryKey>('all');
  const [result, setResult] = useState<KnowledgeSearchResult>();
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (q: string, c: CategoryKey = category) => {
    const trimmed = q.trim();
    setQuery(trimmed);
    setText(q);
    if (!trimmed) {
      setResult(undefined);
      return;
    }
    setSearching(true);
    setError(undefined);
    try {
      setResult(await api('searchKnowledge', { query: { q: trimmed, category: c === 'all' ? undefined : c, limit: 20 } }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '查询失败，请稍后重试');
    } finally {
      setSearching(false);
    }
  };

  // Browsing a category (no query): the newest published entries of it.
  const browsing = usePaged((cursor) => api('listKnowledgeEntries', { query: { category: category as KnowledgeCategory, status: 'published', cursor, limit: 20 } }), [category], !query && category !== 'all');
  usePageRefresh(async () => (query ? run(query) : browsing.refresh()), browsing.loadMore);

  // First load with ?q= (a hot question from elsewhere).
  useLoad(() => {
    if (initial) void run(initial);
  });

  const changeCategory = (c: CategoryKey) => {
    setCategory(c);
    if (query) void run(query, c);
  };

  const canAsk = me?.role === 'enterprise';
  const ask = () => void openPage('appealReport', askOfficerQuery(query));
  const openEntry = (id: string) => void openPage('knowledgeEntry', { id });

  return (
    <View style={pageScaleStyle()} className='app-page knowledge-search' data-testid='knowledge-search-page'>
      <View className='knowledge-search__bar'>
        <View className='knowledge-search__input' data-testid='knowledge-query'>
          <Input
            className='form-field__input'
            placeholderClass='form-field__placeholder'
            placeholder='输入问题，如：居住证怎么办'
            confirmType='search'
            maxlength={50}
            value={text}
            onInput={(e) => setText(e.detail.value)}
            onConfirm={(e) => void run(e.detail.value)}
          />
        </View>
        <Button className='app-button knowledge-search__button' data-testid='knowledge-search-button' disabled={searching} onClick={() => void run(text)}>
          搜索
        </Button>
      </View>
      <ChoiceChips testId='knowledge-categories' layout='scroll' options={CATEGORY_CHIPS} value={category} onChange={changeCategory} />

      {query ? (
        searching && !result ? (
          <StatusView compact variant='loading' message='正在查找解答…' />
        ) : error ? (
          <StatusView compact variant='error' message={error} onAction={() => void run(query)} />
        ) : result && result.items.length > 0 ? (
          <View data-testid='knowledge-results'>
            {!result.confident ? <Text className='app-muted'>没有完全匹配的解答，以下内容可能相关：</Text> : null}
            {result.items.map((hit) => (
              <KnowledgeItem key={hit.id} entry={hit} terms={result.terms} onOpen={openEntry} />
            ))}
            {canAsk ? (
              <View className='knowledge-search__ask'>
                <Text className='app-muted'>没有找到答案？</Text>
                <Button className='app-button app-button--secondary app-button--block' data-testid='ask-officer' onClick={ask}>
                  问我的联络官
                </Button>
              </View>
            ) : null}
          </View>
        ) : result ? (
          <View data-testid='knowledge-empty'>
            <StatusView
              variant='empty'
              message='没有找到相关解答'
              hint={canAsk ? '换个说法再试试，或直接把问题交给您的联络官。' : '换个说法再试试。'}
              actionText={canAsk ? '没有找到答案？问我的联络官' : undefined}
              onAction={canAsk ? ask : undefined}
            />
          </View>
        ) : null
      ) : category !== 'all' ? (
        <PagedList state={browsing} loadingMessage='正在加载…' emptyMessage='该分类暂无解答' renderItem={(e) => <KnowledgeItem key={e.id} entry={e} onOpen={openEntry} />} />
      ) : (
        <View className='app-card' data-testid='hot-questions'>
          <Text className='knowledge-search__section-title'>大家都在问</Text>
          {HOT_QUESTIONS.map((q) => (
            <View key={q} className='knowledge-search__hot' hoverClass='knowledge-item--pressed' onClick={() => void run(q)}>
              <Text>{q}</Text>
            </View>
          ))}
          <Text className='app-muted'>也可以点上方的分类浏览全部解答。</Text>
        </View>
      )}
    </View>
  );
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
