/**
 * The body of a bulletin: a small structured document, not HTML. The mini-program renders it with its own
 * views, so there is nothing to sanitise: a text node can only ever be text. Links go to https pages or
 * to pages of the mini-program itself.
 *
 *   document  = { blocks: Block[] }
 *   Block     = paragraph (spans) | heading (text) | list (items of spans)
 *   Span      = { text, bold?, em?, link? }
 */
import { z } from 'zod';

export const MAX_BODY_CHARS = 5000;
export const MAX_BLOCKS = 100;

const LinkTarget = z
  .string()
  .max(300, '链接过长')
  .refine((href) => /^https:\/\/[^\s<>"']+$/.test(href) || /^\/(pages|packages)\/[A-Za-z0-9/_-]+(\?[A-Za-z0-9=&_%-]*)?$/.test(href), '链接只能是 https 网址或小程序内页面');

export const Span = z.object({
  text: z.string({ error: '正文内容应为文字' }).min(1, '正文片段不能为空').max(2000, '单段文字最多2000字'),
  bold: z.boolean().optional(),
  em: z.boolean().optional(),
  link: LinkTarget.optional(),
});
export type Span = z.infer<typeof Span>;

const Spans = z.array(Span).min(1, '段落不能为空').max(50, '一段最多50个片段');

export const Block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), spans: Spans }),
  z.object({ type: z.literal('heading'), text: z.string().trim().min(1, '小标题不能为空').max(60, '小标题最多60字') }),
  z.object({ type: z.literal('list'), items: z.array(Spans).min(1, '列表至少一项').max(30, '列表最多30项') }),
]);
export type Block = z.infer<typeof Block>;

export type RichText = { blocks: Block[] };
export const RichText = z
  .object({ blocks: z.array(Block, { error: '请填写正文' }).min(1, '请填写正文').max(MAX_BLOCKS, `正文最多${MAX_BLOCKS}段`) })
  .refine((doc: RichText) => textLength(doc) <= MAX_BODY_CHARS, `正文最多${MAX_BODY_CHARS}字`);

const spansText = (spans: Span[]) => spans.map((s) => s.text).join('');

export function plainText(doc: RichText): string {
  return doc.blocks.map((b) => (b.type === 'paragraph' ? spansText(b.spans) : b.type === 'heading' ? b.text : b.items.map(spansText).join('；'))).join('\n');
}

export function textLength(doc: RichText): number {
  return plainText(doc).length;
}

/** The first words, for a feed entry. */
export function summaryOf(doc: RichText, max = 60): string {
  const text = plainText(doc).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `**粗体**` and `*强调*` inside one line, as spans. */
export function parseInline(line: string): Span[] {
  const spans: Span[] = [];
  const pattern = /\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0;
  for (const m of line.matchAll(pattern)) {
    if (m.index! > last) spans.push({ text: line.slice(last, m.index) });
    spans.push(m[1] !== undefined ? { text: m[1], bold: true } : { text: m[2], em: true });
    last = m.index! + m[0].length;
  }
  if (last < line.length) spans.push({ text: line.slice(last) });
  return spans.filter((s) => s.text.length > 0);
}

/**
 * The compose form's simple markup, as a document: a line starting `# ` is a heading, consecutive lines
 * starting `- ` are a list, any other non-empty line is a paragraph; `**…**` is bold, `*…*` emphasis.
 */
export function fromMarkup(text: string): RichText {
  const blocks: Block[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('# ')) {
      const heading = line.slice(2).trim();
      if (heading) blocks.push({ type: 'heading', text: heading });
    } else if (/^[-•]\s/.test(line)) {
      const spans = parseInline(line.slice(2).trim());
      if (!spans.length) continue;
      const prev = blocks[blocks.length - 1];
      if (prev?.type === 'list') prev.items.push(spans);
      else blocks.push({ type: 'list', items: [spans] });
    } else {
      blocks.push({ type: 'paragraph', spans: parseInline(line) });
    }
  }
  return { blocks };
}

/** The document back as markup, so a draft can be edited again. */
export function toMarkup(doc: RichText): string {
  const inline = (spans: Span[]) => spans.map((s) => (s.bold ? `**${s.text}**` : s.em ? `*${s.text}*` : s.text)).join('');
  return doc.blocks.map((b) => (b.type === 'heading' ? `# ${b.text}` : b.type === 'list' ? b.items.map((i) => `- ${inline(i)}`).join('\n') : inline(b.spans))).join('\n');
}
