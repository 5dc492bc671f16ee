import { Text, View } from '@tarojs/components';
import type { KnowledgeHit, KnowledgeSummary } from '../../../../shared/knowledge/schemas';
import { Highlighted } from './Highlighted';
import { categoryLabel, formatDay, statusLabel } from './knowledge-format';
import './knowledge.scss';

export interface KnowledgeItemProps {
  entry: KnowledgeSummary | KnowledgeHit;
  /** Search terms to mark; none when browsing. */
  terms?: readonly string[];
  /** The centre's list shows the status and the last change. */
  showStatus?: boolean;
  onOpen: (id: string) => void;
}

/** One entry in search results or a list: the question, a stretch of the answer, its category and tags. */
export function KnowledgeItem({ entry, terms = [], showStatus = false, onOpen }: KnowledgeItemProps) {
  const snippet = 'snippet' in entry ? entry.snippet : null;
  return (
    <View className='knowledge-item app-card' hoverClass='knowledge-item--pressed' data-testid='knowledge-item' data-entry-id={entry.id} onClick={() => onOpen(entry.id)}>
      <Highlighted className='knowledge-item__question' text={entry.question} terms={terms} />
      {snippet ? <Highlighted className='knowledge-item__snippet' text={snippet} terms={terms} /> : null}
      <View className='knowledge-item__meta'>
        <Text className='app-tag'>{categoryLabel(entry.category)}</Text>
        {entry.tags.slice(0, 3).map((t) => (
          <Text key={t} className='knowledge-item__tag'>
            #{t}
          </Text>
        ))}
        {showStatus ? <Text className='app-muted knowledge-item__status'>{`${statusLabel(entry.status)} · ${formatDay(entry.updatedAt)}`}</Text> : null}
      </View>
    </View>
  );
}
