import { fromMarkup, plainText, RichText, summaryOf, toMarkup } from '../../../shared/bulletins/rich-text';

describe('rich text', () => {
  it('turns the compose markup into a document and back', () => {
    const text = '# 防范要点\n近期出现**冒充公检法**诈骗，请*提高警惕*。\n- 不轻信陌生来电\n- 不向“安全账户”转账';
    const doc = fromMarkup(text);
    expect(doc.blocks).toEqual([
      { type: 'heading', text: '防范要点' },
      { type: 'paragraph', spans: [{ text: '近期出现' }, { text: '冒充公检法', bold: true }, { text: '诈骗，请' }, { text: '提高警惕', em: true }, { text: '。' }] },
      { type: 'list', items: [[{ text: '不轻信陌生来电' }], [{ text: '不向“安全账户”转账' }]] },
    ]);
    expect(RichText.safeParse(doc).success).toBe(true);
    expect(toMarkup(doc)).toBe(text);
    expect(plainText(doc)).toContain('冒充公检法');
    expect(summaryOf(doc, 10)).toHaveLength(10);
  });

  it('admits only https links and pages of the mini-program', () => {
    const withLink = (link: string) => RichText.safeParse({ blocks: [{ type: 'paragraph', spans: [{ text: '详见', link }] }] }).success;
    expect(withLink('https://www.gov.cn/zhengce/')).toBe(true);
    expect(withLink('/packages/appeals/pages/new/index')).toBe(true);
    expect(withLink('javascript:alert(1)')).toBe(false);
    expect(withLink('http://example.com')).toBe(false);
    expect(withLink('https://x.com/"><script>')).toBe(false);
  });

  it('refuses unknown block types, HTML-ish fields and empty bodies', () => {
    expect(RichText.safeParse({ blocks: [{ type: 'html', html: '<b>x</b>' }] }).success).toBe(false);
    expect(RichText.safeParse({ blocks: [] }).success).toBe(false);
    const parsed = RichText.parse({ blocks: [{ type: 'paragraph', spans: [{ text: '<script>alert(1)</script>', onclick: 'x' }] }] });
    expect(parsed.blocks[0]).toEqual({ type: 'paragraph', spans: [{ text: '<script>alert(1)</script>' }] });
  });
});
