import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { CATEGORY_FROM_APPEAL } from '../../../../../../shared/knowledge/catalogue';
import { QUESTION_MAX, type CreateKnowledgeBody } from '../../../../../../shared/knowledge/schemas';
import { StatusView } from '../../../../components/StatusView';
import { EntryForm } from '../../../../features/knowledge/EntryForm';
import { emptyEntry, issuesToEntryErrors, type EntryErrors, type EntryFormValues } from '../../../../features/knowledge/entry-form';
import { useMe, useRequest } from '../../../../services/hooks';
import { replacePage } from '../../../../services/navigation';
import { api, ApiError } from '../../../../services/request';
import { pageScaleStyle } from '../../../../services/text-size';

type Mode = { kind: 'create' } | { kind: 'edit'; id: string } | { kind: 'promote'; appealId: string };

/** Query values may arrive still percent-encoded (weapp) or already decoded (h5). */
const decodeParam = (v: string | undefined) => {
  try {
    return v ? decodeURIComponent(v) : undefined;
  } catch {
    return v;
  }
};

/**
 * 编辑知识条目: the centre writes a new entry (?nothing, or ?question= from a 未解答问题 to pre-fill the
 * question) or edits one (?id=); an officer turns a resolved 政策咨询 into a proposal for the centre
 * (?fromAppeal=<appealId>), pre-filled from the appeal.
 */
export default function KnowledgeEditPage() {
  const { params } = useRouter();
  const me = useMe();
  const mode: Mode = params.id ? { kind: 'edit', id: params.id } : params.fromAppeal ? { kind: 'promote', appealId: params.fromAppeal } : { kind: 'create' };
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [serverErrors, setServerErrors] = useState<EntryErrors>({});

  const loaded = useRequest<{ initial: EntryFormValues; version?: number }>(async () => {
    if (mode.kind === 'edit') {
      const e = await api('getKnowledgeEntry', { params: { entryId: mode.id } });
      return { initial: { question: e.question, answer: e.answer, category: e.category, tagsText: e.tags.join(' ') }, version: e.version };
    }
    if (mode.kind === 'promote') {
      const { appeal } = await api('getAppeal', { params: { appealId: mode.appealId } });
      return { initial: { question: appeal.title, answer: appeal.resolution ?? '', category: CATEGORY_FROM_APPEAL[appeal.category] ?? '', tagsText: '' } };
    }
    const question = decodeParam(params.question)?.trim().slice(0, QUESTION_MAX) ?? '';
    return { initial: { ...emptyEntry(), question } };
  }, [params.id, params.fromAppeal, params.question]);

  const save = async (body: CreateKnowledgeBody) => {
    setSubmitting(true);
    setServerError(undefined);
    setServerErrors({});
    try {
      if (mode.kind === 'edit') {
        const saved = await api('updateKnowledgeEntry', { params: { entryId: mode.id }, body: { ...body, version: loaded.data!.version! } });
        void Taro.showToast({ title: '已保存', icon: 'success' });
        void replacePage('knowledgeEntry', { id: saved.id });
      } else if (mode.kind === 'promote') {
        await api('promoteAppealToKnowledge', { params: { appealId: mode.appealId }, body });
        void Taro.showToast({ title: '已提交中心审核', icon: 'success' });
        void Taro.navigateBack();
      } else {
        const created = await api('createKnowledgeEntry', { body });
        void Taro.showToast({ title: '已存为草稿', icon: 'success' });
        void replacePage('knowledgeEntry', { id: created.id });
      }
    } catch (error) {
      if (error instanceof ApiError) {
        setServerError(error.message);
        setServerErrors(issuesToEntryErrors(error.issues));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const allowed = mode.kind === 'promote' ? me?.role === 'officer' || me?.role === 'chief' : me?.role === 'centre';
  if (me && !allowed)
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='empty' message={mode.kind === 'promote' ? '只有联络官和所长可以提交知识条目' : '只有助企警务中心可以编辑知识库'} />
      </View>
    );
  if (loaded.loading && !loaded.data)
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='loading' />
      </View>
    );
  if (loaded.error || !loaded.data)
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='error' message={loaded.error?.message} onAction={loaded.reload} />
      </View>
    );

  const labels = {
    create: { submit: '存为草稿', note: '保存后在“草稿”中，发布后企业即可搜索到。' },
    edit: { submit: '保存修改', note: '已发布的条目保存后立即更新检索结果。' },
    promote: { submit: '提交中心审核', note: '助企警务中心审核发布后，企业即可在政策咨询中搜索到。' },
  }[mode.kind];
  return (
    <View style={pageScaleStyle()} className='app-page' data-testid='knowledge-edit-page'>
      <EntryForm initial={loaded.data.initial} submitting={submitting} submitLabel={labels.submit} note={labels.note} serverError={serverError} serverErrors={serverErrors} onSubmit={save} />
    </View>
  );
}
