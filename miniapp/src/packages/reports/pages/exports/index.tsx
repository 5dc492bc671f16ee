import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { StatusView } from '../../../../components/StatusView';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { api, showError } from '../../../../services/request';
import { useMe } from '../../../../services/hooks';
import { presetPeriod, quarterLabel, quarterOf, type Period } from '../../../../../../shared/stats/period';
import type { ExportFile } from '../../../../../../shared/stats/schemas';
import { PeriodPicker } from '../../../../features/reports/PeriodPicker';
import { fileSize, saveExport } from '../../../../features/reports/download';
import { shanghaiDate } from '../../../../../../shared/dates';
import '../../../../features/reports/reports.scss';
import { pageScaleStyle } from '../../../../services/text-size';

function lastQuarters(now: Date, n = 4): string[] {
  const out: string[] = [];
  let q = quarterOf(shanghaiDate(now));
  for (let i = 0; i < n; i++) {
    out.push(q);
    const [y, k] = [Number(q.slice(0, 4)), Number(q.slice(5))];
    q = k === 1 ? `${y - 1}Q4` : `${y}Q${k - 1}`;
  }
  return out;
}

/** 导出: the station's ledger (xlsx) for a period and the quarterly 两书一单 (docx). */
export default function ExportsPage() {
  const me = useMe();
  const { params } = useRouter();
  const stationId = params.stationId ?? (me?.role === 'chief' ? me.station?.id : undefined);
  const [period, setPeriod] = useState<Period>(() => presetPeriod('this_month', new Date()));
  const quarters = lastQuarters(new Date());
  const [quarter, setQuarter] = useState(quarters[0]);
  const [busy, setBusy] = useState<'ledger' | 'report' | null>(null);
  const [done, setDone] = useState<ExportFile | null>(null);

  if (!me) return <StatusView variant='loading' />;
  if (!stationId)
    return (
      <View className='report-page'>
        <StatusView variant='empty' message='请先从统计页选择派出所' hint='导出台账仅对所长和助企警务中心开放' />
      </View>
    );

  const run = async (kind: 'ledger' | 'report') => {
    setBusy(kind);
    setDone(null);
    try {
      const file = kind === 'ledger' ? await api('exportLedger', { params: { stationId }, query: period }) : await api('exportRiskReport', { params: { stationId }, query: { quarter } });
      await saveExport(file);
      setDone(file);
      void Taro.showToast({ title: '已生成', icon: 'success' });
    } catch (e) {
      showError((e as Error).message || '导出失败，请稍后重试');
    } finally {
      setBusy(null);
    }
  };

  return (
    <View style={pageScaleStyle()} className='app-page report-page'>
      <View className='app-card'>
        <Text className='report-section__title'>台账（诉求、走访、整改）</Text>
        <PeriodPicker value={period} onChange={setPeriod} />
        <Button className='app-button' loading={busy === 'ledger'} disabled={busy !== null} onClick={() => void run('ledger')}>
          {busy === 'ledger' ? '正在生成…' : '下载台账'}
        </Button>
      </View>
      <View className='app-card'>
        <Text className='report-section__title'>季度报告（两书一单）</Text>
        <ChoiceChips options={quarters.map((q) => ({ key: q, label: quarterLabel(q) }))} value={quarter} onChange={setQuarter} testId='quarter' />
        <Button className='app-button' loading={busy === 'report'} disabled={busy !== null} onClick={() => void run('report')}>
          {busy === 'report' ? '正在生成…' : '下载季度报告'}
        </Button>
      </View>
      {done ? (
        <View className='app-banner' data-testid='export-done'>
          <Text className='export-card__meta'>{`${done.filename}（${fileSize(done.size)}）`}</Text>
          <Text className='export-card__meta'>
            {Object.entries(done.rows)
              .map(([k, n]) => `${k} ${n} 条`)
              .join('，')}
          </Text>
        </View>
      ) : null}
    </View>
  );
}
