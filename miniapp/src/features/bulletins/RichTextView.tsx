import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RichText, Span } from '../../../../shared/bulletins/rich-text';

export interface RichTextViewProps {
  doc: RichText;
}

function openLink(href: string) {
  if (href.startsWith('/')) {
    void Taro.navigateTo({ url: href });
    return;
  }
  // A mini-program cannot open outside pages freely: the address is copied for the browser.
  void Taro.setClipboardData({ data: href }).then(() => Taro.showToast({ title: '链接已复制，请在浏览器中打开', icon: 'none' }));
}

function SpanView({ span }: { span: Span }) {
  const className = ['rich-text__span', span.bold ? 'rich-text__span--bold' : '', span.em ? 'rich-text__span--em' : '', span.link ? 'rich-text__span--link' : ''].filter(Boolean).join(' ');
  return (
    <Text className={className} onClick={span.link ? () => openLink(span.link!) : undefined}>
      {span.text}
    </Text>
  );
}

/** A bulletin's body, drawn with the app's own views: text is only ever text, never markup. */
export function RichTextView({ doc }: RichTextViewProps) {
  return (
    <View className='rich-text' data-testid='rich-text'>
      {doc.blocks.map((block, i) => {
        if (block.type === 'heading') {
          return (
            <Text key={i} className='rich-text__heading'>
              {block.text}
            </Text>
          );
        }
        if (block.type === 'list') {
          return (
            <View key={i} className='rich-text__list'>
              {block.items.map((spans, j) => (
                <View key={j} className='rich-text__item'>
                  <Text className='rich-text__bullet'>•</Text>
                  <View className='rich-text__item-text'>
                    {spans.map((s, k) => (
                      <SpanView key={k} span={s} />
                    ))}
                  </View>
                </View>
              ))}
            </View>
          );
        }
        return (
          <View key={i} className='rich-text__paragraph'>
            {block.spans.map((s, k) => (
              <SpanView key={k} span={s} />
            ))}
          </View>
        );
      })}
    </View>
  );
}
