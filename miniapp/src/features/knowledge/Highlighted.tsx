import { Text } from '@tarojs/components';
import { highlight } from '../../../../shared/knowledge/search';

export interface HighlightedProps {
  text: string;
  /** Terms as the search returned them (bigrams and words). */
  terms: readonly string[];
  className?: string;
}

/** Text with the searched terms marked, the same way the server matched them. */
export function Highlighted({ text, terms, className }: HighlightedProps) {
  return (
    <Text className={className}>
      {highlight(text, terms).map((s, i) =>
        s.hit ? (
          <Text key={i} className='knowledge-hit__mark' data-testid='hit-mark'>
            {s.text}
          </Text>
        ) : (
          <Text key={i}>{s.text}</Text>
        ),
      )}
    </Text>
  );
}
