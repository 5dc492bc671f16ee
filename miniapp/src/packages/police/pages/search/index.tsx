import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { INDUSTRY_LABELS } from '../../../../../../shared/domain/industries';
import type { AppealSummary } from '../../../../../../shared/appeals/views';
import type { EnterpriseHit } from '../../../../../../shared/search/schemas';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { PagedList } from '../../../../components/PagedList';
import { StatusView } from '../../../../components/StatusView';
import { AppealItem } from '../../../../features/appeals/AppealItem';
import { SEARCH_KINDS, SEARCH_PLACEHOLDERS, searchProblem, type SearchKind } from '../../../../features/search/search-kinds';
import { useMe, usePaged, usePageRefresh } from '../../../../services/hooks';
import { openPage } from '../../../../services/navigation';
import { api } from '../../../../services/request';
import { pageScaleStyle } from '../../../../services/text-size';
import './index.scss';

/**
 * 检索: officers, chiefs and the centre find enterprises (any part of the name, the credit code, the contact
 * mobile) and appeals (words of the title and text), each within what the caller may see — the server keeps
 * the scope, the page only says which one it is.
 */
export default function PoliceSearchPage() {
  const me = useMe();
  const [kind, setKind] = useState<SearchKind>('enterprises');
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const enterprises = usePaged((cursor) => api('searchEnterprises', { query: { q: query, cursor, limit: 20 } }), [query, kind], Boolean(query) && kind === 'enterprises');
  const appeals = usePaged((cursor) => api('searchAppeals', { query: { q: query, cursor, limit: 10 } }), [query, kind], Boolean(query) && kind === 'appeals');
  const current = kind === 'enterprises' ? enterprises : appeals;
  usePageRefresh(async () => (query ? current.refresh() : undefined), current.loadMore);

  const run = (q: string) => {
    setText(q);
    const wrong = searchProblem(q);
    setProblem(wrong);
    if (!wrong) setQuery(q.trim());
  };

  const scope = me?.role === 'centre' ? '全区' : me?.role === 'chief' ? '本所' : '您负责的';
  return (
    <View style={pageScaleStyle()} className='app-page app-page--wide police-search' data-testid='police-search-page'>
      <ChoiceChips testId='search-kind' options={SEARCH_KINDS} value={kind} onChange={setKind} />
      <View className='police-search__bar'>
        <View className='police-search__input' data-testid='search-query'>
          <Input
            className='form-field__input'
            placeholderClass='form-field__placeholder'
            placeholder={SEARCH_PLACEHOLDERS[kind]}
            confirmType='search'
            maxlength={30}
            value={text}
            onInput={(e) => setText(e.detail.value)}
            onConfirm={(e) => run(e.detail.value)}
          />
        </View>
        <Button className='app-button police-search__button' data-testid='search-button' disabled={current.loading && Boolean(query)} onClick={() => run(text)}>
          搜索
        </Button>
      </View>
      {problem ? <Text className='police-search__problem'>{problem}</Text> : null}

      {!query ? (
        <StatusView
          compact
          variant='empty'
          message={`在${scope}${kind === 'enterprises' ? '企业' : '诉求'}中查找`}
          hint={kind === 'enterprises' ? '名称可输入任意部分，如“火锅”；信用代码、电话须完整。' : '输入标题或内容中的词，如“噪音”“欠薪”。'}
        />
      ) : kind === 'enterprises' ? (
        <PagedList
          state={enterprises}
          columns
          loadingMessage='正在查找…'
          emptyMessage='未找到相关结果'
          emptyHint='换个关键词再试试，名称可只输入其中两三个字。'
          renderItem={(hit: EnterpriseHit) => <EnterpriseHitItem key={hit.id} hit={hit} />}
        />
      ) : (
        <PagedList
          state={appeals}
          loadingMessage='正在查找…'
          emptyMessage='未找到相关结果'
          emptyHint='换个关键词再试试。'
          renderItem={(appeal: AppealSummary) => <AppealItem key={appeal.id} appeal={appeal} audience='police' onOpen={(a) => openPage('appealDetail', { id: a.id })} />}
        />
      )}
    </View>
  );
}

function EnterpriseHitItem({ hit }: { hit: EnterpriseHit }) {
  return (
    <View className='app-card police-search__hit' hoverClass='enterprise-item--pressed' data-testid='enterprise-hit' onClick={() => openPage('enterpriseFile', { enterpriseId: hit.id })}>
      <Text className='police-search__hit-name'>{hit.name}</Text>
      <Text className='police-search__hit-line'>{`${INDUSTRY_LABELS[hit.industry] ?? hit.industry} · ${hit.creditCode}`}</Text>
    </View>
  );
}
