import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components';
import { describeAudience } from '../../../../../../shared/bulletins/audience';
import { BULLETIN_KINDS, BULLETIN_KIND_LABELS, type BulletinKind } from '../../../../../../shared/bulletins/catalogue';
import { fromMarkup, MAX_BODY_CHARS } from '../../../../../../shared/bulletins/rich-text';
import type { CreateBulletinBody } from '../../../../../../shared/bulletins/schemas';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { FormField } from '../../../../components/FormField';
import { FormFooter } from '../../../../components/FormFooter';
import { StatusView } from '../../../../components/StatusView';
import { fieldErrors, useFormState, type FieldErrors } from '../../../../components/form-state';
import { AudiencePicker } from '../../../../features/bulletins/AudiencePicker';
import { AttachmentPicker } from '../../../../features/evidence/AttachmentPicker';
import { RichTextView } from '../../../../features/bulletins/RichTextView';
import { shanghaiToday } from '../../../../features/bulletins/bulletin-format';
import { COMPOSE_FIELDS, emptyDraft, validateDraft, type ComposeDraft, type ComposeField, type Scope } from '../../../../features/bulletins/compose-form';
import { useMe } from '../../../../services/hooks';
import { replacePage, restartAt } from '../../../../services/navigation';
import { api, ApiError } from '../../../../services/request';
import '../../../../features/bulletins/bulletins.scss';
import { pageScaleStyle } from '../../../../services/text-size';

const NO_ERRORS: FieldErrors<ComposeField> = {};
const TITLE_MAX = 60;

function ComposeForm({ scope, officerId, stationId }: { scope: Scope; officerId: string | null; stationId: string | null }) {
  const [serverErrors, setServerErrors] = useState<FieldErrors<ComposeField>>(NO_ERRORS);
  const [serverError, setServerError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [preview, setPreview] = useState(false);
  // One image or one PDF, uploaded while the bulletin is written; its id goes with it once the upload finished.
  const [file, setFile] = useState<{ ids: string[]; busy: boolean }>({ ids: [], busy: false });
  const [fileError, setFileError] = useState<string>();
  const own = scope === 'centre' ? null : stationId;
  const form = useFormState<ComposeDraft, ComposeField, CreateBulletinBody>(
    () => emptyDraft(scope, shanghaiToday()),
    (d) => validateDraft(d, own),
    serverErrors,
  );
  const { values, setValues, set, touch, errorOf, submitted, validation } = form;
  const doc = useMemo(() => fromMarkup(values.text), [values.text]);

  const publish = async (body: CreateBulletinBody) => {
    const answer = await Taro.showModal({
      title: body.publishAt ? '确认定时发布' : '确认发布',
      content: `「${body.title}」将${body.publishAt ? '按时' : '立即'}发送给${describeAudience(body.audience)}。${body.kind === 'risk' ? '企业需确认“已阅知”。' : ''}确定发布吗？`,
      confirmText: '发布',
      cancelText: '再看看',
    });
    if (!answer.confirm) return;
    setSubmitting(true);
    setServerError(undefined);
    try {
      const created = await api('createBulletin', { body: file.ids[0] ? { ...body, attachmentId: file.ids[0] } : body });
      void Taro.showToast({ title: created.bulletin.status === 'scheduled' ? '已设置定时发布' : '已发布', icon: 'none' });
      await replacePage('bulletinManage');
    } catch (error) {
      if (error instanceof ApiError) {
        setServerError(error.message);
        if (error.issues.some((i) => i.field === 'attachmentId')) setFileError(error.message);
        setServerErrors(
          error.issues.length
            ? fieldErrors(
                error.issues.map((i) => ({ ...i, field: i.field.split('.')[0] })),
                COMPOSE_FIELDS,
              )
            : NO_ERRORS,
        );
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className='compose' data-testid='bulletin-compose'>
      <View className='app-card'>
        <FormField label='类别' required error={errorOf('kind')}>
          <ChoiceChips testId='compose-kind' options={BULLETIN_KINDS.map((k) => ({ key: k, label: BULLETIN_KIND_LABELS[k] }))} value={values.kind} onChange={(k: BulletinKind) => set('kind', k)} />
        </FormField>
        <FormField label='标题' required error={errorOf('title')} hint={`${values.title.length}/${TITLE_MAX}`}>
          <Input
            className='form-field__input'
            data-testid='compose-title'
            aria-label='标题'
            value={values.title}
            maxlength={TITLE_MAX}
            placeholder='如：警惕冒充税务人员“退税”诈骗'
            onInput={(e) => set('title', e.detail.value)}
            onBlur={() => touch('title')}
          />
        </FormField>
        <FormField label='正文' required error={errorOf('body')} hint='每行一段；“# ”开头为小标题，“- ”开头为列表，**文字** 加粗。'>
          <Textarea
            className='compose__textarea'
            data-testid='compose-body'
            aria-label='正文'
            value={values.text}
            maxlength={MAX_BODY_CHARS}
            placeholder='请输入正文'
            onInput={(e) => set('text', e.detail.value)}
            onBlur={() => touch('body')}
          />
        </FormField>
        <Button className='app-button app-button--secondary' data-testid='compose-preview' onClick={() => setPreview(!preview)}>
          {preview ? '收起预览' : '预览'}
        </Button>
        {preview ? <View className='app-card compose__preview'>{doc.blocks.length ? <RichTextView doc={doc} /> : <Text className='app-muted'>正文为空</Text>}</View> : null}
      </View>

      <View className='app-card'>
        <FormField label='附件' error={fileError}>
          <AttachmentPicker purpose='bulletin' testId='compose-attachment' onChange={(ids, busy) => setFile({ ids, busy })} />
        </FormField>
      </View>

      <View className='app-card'>
        <FormField label='发送范围' required error={errorOf('audience')}>
          <AudiencePicker scope={scope} officerId={officerId} stationId={stationId} draft={values} onChange={(changes) => setValues((prev) => ({ ...prev, ...changes }))} />
        </FormField>
      </View>

      <View className='app-card'>
        <FormField label='定时发布' error={errorOf('publishAt')} hint={values.scheduled ? '到点后自动发布（约5分钟内送达）' : '不开启则立即发布'}>
          <View className='compose__row'>
            <Switch checked={values.scheduled} data-testid='compose-scheduled' onChange={(e) => set('scheduled', e.detail.value)} />
            {values.scheduled ? (
              <>
                <Picker mode='date' value={values.day} start={shanghaiToday()} onChange={(e) => set('day', e.detail.value)}>
                  <View className='compose__pick'>{values.day}</View>
                </Picker>
                <Picker mode='time' value={values.time} onChange={(e) => set('time', e.detail.value)}>
                  <View className='compose__pick'>{values.time}</View>
                </Picker>
              </>
            ) : null}
          </View>
        </FormField>
      </View>

      <FormFooter
        testId='compose-submit'
        serverError={serverError}
        invalid={submitted && !validation.ok}
        submitting={submitting}
        label={values.scheduled ? '定时发布' : '发布'}
        note='发布前会再次确认；发布后可在“发布信息”中撤回。'
        onSubmit={() => {
          if (file.busy) {
            setFileError('请等待附件上传完成后再发布');
            return;
          }
          setFileError(undefined);
          form.submit((body) => void publish(body));
        }}
      />
    </View>
  );
}

/** 发布信息: kind, title, body, audience within the caller's scope, optional time; preview; confirm. */
export default function BulletinComposePage() {
  const me = useMe();
  if (!me || (me.role !== 'officer' && me.role !== 'chief' && me.role !== 'centre')) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='empty' message='民警登录后才能发布信息' actionText='返回首页' onAction={() => void restartAt('home')} />
      </View>
    );
  }
  return (
    <View style={pageScaleStyle()} className='app-page'>
      <ComposeForm scope={me.role} officerId={me.officer?.id ?? null} stationId={me.station?.id ?? me.officer?.stationId ?? null} />
    </View>
  );
}
