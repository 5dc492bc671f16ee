import { useMemo, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { StatusView } from '../../../../components/StatusView';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { useMe, useRequest } from '../../../../services/hooks';
import { api, ApiError } from '../../../../services/request';
import { checkDraft, draftFrom, specialDays, type NoticeDraft } from '../../../../features/calendar/notice-draft';
import '../../../../features/calendar/calendar.scss';
import { pageScaleStyle } from '../../../../services/text-size';

/**
 * 工作日历: a year's days off and 调休 working days, and where each comes from. The centre enters the
 * State Council's notice as date ranges (放假) and days (调休上班), sees what it changes before saving,
 * and saves it conditional on the version it read.
 */
export default function CalendarYearPage() {
  const me = useMe();
  const { params } = useRouter();
  const today = new Date();
  const thisYear = today.getFullYear();
  const [year, setYear] = useState(() => Number(params.year) || thisYear);
  const [draft, setDraft] = useState<NoticeDraft | null>(null);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const loaded = useRequest(() => api('getCalendarYear', { params: { year: String(year) } }), [year]);
  const view = loaded.data;
  const check = useMemo(() => (draft && view ? checkDraft(year, draft, view.days) : null), [draft, view, year]);

  const years = [thisYear - 1, thisYear, thisYear + 1].map((y) => ({ key: y, label: `${y}年` }));
  const pick = (y: number) => {
    setDraft(null);
    setServerError(undefined);
    setYear(y);
  };
  const edit = (change: (d: NoticeDraft) => NoticeDraft) => setDraft((d) => (d ? change(d) : d));

  const save = async () => {
    if (!check?.ok || !view) return;
    setSaving(true);
    setServerError(undefined);
    try {
      await api('setCalendarYear', { params: { year: String(year) }, body: { version: view.version, ...check.body } });
      void Taro.showToast({ title: '已保存', icon: 'success' });
      setDraft(null);
      await loaded.reload();
    } catch (error) {
      if (error instanceof ApiError) setServerError(error.message);
    } finally {
      setSaving(false);
    }
  };

  if (loaded.loading && !view)
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='loading' />
      </View>
    );
  if (loaded.error || !view)
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='error' message={loaded.error?.message} onAction={loaded.reload} />
      </View>
    );

  const lines = specialDays(view.days);
  return (
    <View style={pageScaleStyle()} className='app-page calendar-page' data-testid='calendar-page'>
      <ChoiceChips options={years} value={year} onChange={pick} testId='calendar-year' />
      <View className='app-card' data-testid='calendar-status'>
        <Text className='app-section-title'>{`${year}年：全年工作日 ${view.workdayCount} 天`}</Text>
        <Text className='app-muted'>
          {view.hasNotice ? `已按国务院节假日安排通知录入${view.updatedAt ? `（${view.updatedAt.slice(0, 10)} 更新）` : ''}` : '尚未录入国务院通知：元旦、春节等法定节假日已按法律推算为放假，调休安排未知。'}
        </Text>
        {view.warning ? <Text className='calendar-page__problem'>{view.warning}</Text> : null}
        {lines.map((l) => (
          <View key={l.key} className={`calendar-page__line${l.workday ? ' calendar-page__line--work' : ''}`}>
            <Text>{l.text}</Text>
            <Text className='calendar-page__source'>{l.source}</Text>
          </View>
        ))}
      </View>

      {me?.role === 'centre' && !draft ? (
        <Button className='app-button' data-testid='calendar-edit' onClick={() => setDraft(draftFrom(view.notice, view.days))}>
          {view.hasNotice ? '修改节假日安排' : '录入国务院节假日安排'}
        </Button>
      ) : null}

      {draft ? (
        <View className='app-card' data-testid='calendar-form'>
          <Text className='app-section-title'>放假（按通知逐段填写，含首尾两天）</Text>
          {draft.holidays.map((h, i) => (
            <View key={i} className='calendar-page__row'>
              <Input
                className='form-field__input'
                data-testid={`holiday-name-${i}`}
                aria-label='节日'
                value={h.name}
                placeholder='节日'
                onInput={(e) => edit((d) => ({ ...d, holidays: d.holidays.map((x, j) => (j === i ? { ...x, name: e.detail.value } : x)) }))}
              />
              <Input
                className='form-field__input'
                data-testid={`holiday-start-${i}`}
                aria-label='开始日期'
                value={h.start}
                placeholder={`${year}-01-01`}
                onInput={(e) => edit((d) => ({ ...d, holidays: d.holidays.map((x, j) => (j === i ? { ...x, start: e.detail.value } : x)) }))}
              />
              <Input
                className='form-field__input'
                data-testid={`holiday-end-${i}`}
                aria-label='结束日期'
                value={h.end}
                placeholder={`${year}-01-03`}
                onInput={(e) => edit((d) => ({ ...d, holidays: d.holidays.map((x, j) => (j === i ? { ...x, end: e.detail.value } : x)) }))}
              />
              <Text className='calendar-page__remove' onClick={() => edit((d) => ({ ...d, holidays: d.holidays.filter((_, j) => j !== i) }))}>
                删除
              </Text>
            </View>
          ))}
          <Text className='calendar-page__add' data-testid='add-holiday' onClick={() => edit((d) => ({ ...d, holidays: [...d.holidays, { name: '', start: '', end: '' }] }))}>
            ＋ 添加放假时间段
          </Text>

          <Text className='app-section-title'>调休上班（周六或周日）</Text>
          {draft.workdays.map((w, i) => (
            <View key={i} className='calendar-page__row'>
              <Input
                className='form-field__input'
                data-testid={`workday-name-${i}`}
                aria-label='节日'
                value={w.name}
                placeholder='节日'
                onInput={(e) => edit((d) => ({ ...d, workdays: d.workdays.map((x, j) => (j === i ? { ...x, name: e.detail.value } : x)) }))}
              />
              <Input
                className='form-field__input'
                data-testid={`workday-date-${i}`}
                aria-label='上班日期'
                value={w.date}
                placeholder={`${year}-02-14`}
                onInput={(e) => edit((d) => ({ ...d, workdays: d.workdays.map((x, j) => (j === i ? { ...x, date: e.detail.value } : x)) }))}
              />
              <Text className='calendar-page__remove' onClick={() => edit((d) => ({ ...d, workdays: d.workdays.filter((_, j) => j !== i) }))}>
                删除
              </Text>
            </View>
          ))}
          <Text className='calendar-page__add' data-testid='add-workday' onClick={() => edit((d) => ({ ...d, workdays: [...d.workdays, { name: '', date: '' }] }))}>
            ＋ 添加调休上班日
          </Text>

          <View data-testid='calendar-preview'>
            <Text className='app-section-title'>预览</Text>
            {check && !check.ok ? (
              check.problems.map((p) => (
                <Text key={p} className='calendar-page__problem'>
                  {p}
                </Text>
              ))
            ) : check?.ok ? (
              <>
                <Text className='app-muted'>{`按此安排全年工作日 ${check.workdayCount} 天（现为 ${view.workdayCount} 天）`}</Text>
                {check.warnings.map((w) => (
                  <Text key={w} className='calendar-page__problem'>
                    {w}
                  </Text>
                ))}
                {check.changes.length === 0 ? (
                  <Text className='app-muted'>与现在的日历相同</Text>
                ) : (
                  check.changes.map((c) => (
                    <Text key={c.date} className='calendar-page__line'>
                      {c.text}
                    </Text>
                  ))
                )}
              </>
            ) : null}
          </View>
          {serverError ? (
            <Text className='calendar-page__problem' data-testid='calendar-error'>
              {serverError}
            </Text>
          ) : null}
          <Button className='app-button' data-testid='calendar-save' loading={saving} disabled={saving || !check?.ok} onClick={() => void save()}>
            保存
          </Button>
          <Button className='app-button app-button--secondary' disabled={saving} onClick={() => setDraft(null)}>
            取消
          </Button>
        </View>
      ) : null}
    </View>
  );
}
