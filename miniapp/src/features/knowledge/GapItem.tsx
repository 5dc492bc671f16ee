import { Button, Text, View } from '@tarojs/components';
import type { z } from 'zod';
import type { KnowledgeGap as GapSchema } from '../../../../shared/api/routes/knowledge';
import { ROLE_LABELS, type Role } from '../../../../shared/schemas/auth';
import { formatDayTime } from './knowledge-format';
import './knowledge.scss';

export type KnowledgeGap = z.infer<typeof GapSchema>;

export interface GapItemProps {
  gap: KnowledgeGap;
  /** 新建条目 pre-filled with the question. */
  onCreate: (gap: KnowledgeGap) => void;
}

/** One search that found no good answer: what was asked, by whom and when, and a way to answer it. */
export function GapItem({ gap, onCreate }: GapItemProps) {
  const who = ROLE_LABELS[gap.role as Role] ?? gap.role;
  return (
    <View className='knowledge-gap app-card' data-testid='knowledge-gap'>
      <Text className='knowledge-gap__query'>{gap.query}</Text>
      <View className='knowledge-gap__meta'>
        <Text className='app-muted'>{`${formatDayTime(gap.at)} · ${who}`}</Text>
        <Button className='app-button knowledge-gap__create' data-testid='gap-create' onClick={() => onCreate(gap)}>
          新建条目
        </Button>
      </View>
    </View>
  );
}
