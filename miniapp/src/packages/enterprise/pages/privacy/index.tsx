import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { UpdateEnterpriseBody } from '../../../../../../shared/privacy/rights';
import { StatusView } from '../../../../components/StatusView';
import { BottomSheet } from '../../../../components/BottomSheet';
import { CorrectEnterpriseForm } from '../../../../features/privacy/CorrectEnterpriseForm';
import { DeleteAccountDialog } from '../../../../features/privacy/DeleteAccountDialog';
import { saveExport } from '../../../../features/reports/download';
import { deleteAccount, refreshMe } from '../../../../services/auth';
import { useMe, useRequest } from '../../../../services/hooks';
import { openPage, restartAt } from '../../../../services/navigation';
import { api, ApiError } from '../../../../services/request';
import { pageScaleStyle } from '../../../../services/text-size';
import '../../../../features/privacy/privacy.scss';

/** 我的 → 隐私与数据: 更正企业信息, 导出我的数据, 注销账号 (PIPL rights). */
export default function PrivacyDataPage() {
  const me = useMe();
  const enterpriseId = me?.role === 'enterprise' ? me.enterprise?.id : undefined;
  const enterprise = useRequest(() => api('getEnterprise', { params: { enterpriseId: enterpriseId! } }), [enterpriseId], Boolean(enterpriseId));
  const members = useRequest(() => api('listEnterpriseMembers', { params: { enterpriseId: enterpriseId! }, query: { limit: 100 } }), [enterpriseId], Boolean(enterpriseId));
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const [exporting, setExporting] = useState<'json' | 'xlsx' | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string>();
  const [confirming, setConfirming] = useState(false);

  if (!enterpriseId || !me) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='empty' message='企业用户登录后可管理企业信息与个人数据' actionText='返回首页' onAction={() => void restartAt('home')} />
      </View>
    );
  }
  const isOwner = me.memberRole === 'owner';
  const owners = (members.data?.items ?? []).filter((m) => m.memberRole === 'owner').length;

  const save = async (body: UpdateEnterpriseBody) => {
    setSaving(true);
    setSaveError(undefined);
    try {
      await api('updateEnterprise', { params: { enterpriseId }, body });
      void Taro.showToast({ title: '已保存', icon: 'success' });
      await Promise.all([enterprise.reload(), refreshMe().catch(() => undefined)]);
    } catch (error) {
      if (error instanceof ApiError) setSaveError(error.message);
    } finally {
      setSaving(false);
    }
  };

  const exportAs = async (format: 'json' | 'xlsx') => {
    setExporting(format);
    try {
      await saveExport(await api('exportMyData', { query: { format } }));
    } catch {
      // the request layer has shown the error
    } finally {
      setExporting(null);
    }
  };

  const remove = async (closeEnterprise: boolean) => {
    setDeleting(true);
    setDeleteError(undefined);
    try {
      await deleteAccount(closeEnterprise);
      void Taro.showToast({ title: '账号已注销', icon: 'success' });
      void restartAt('login');
    } catch (error) {
      if (error instanceof ApiError) setDeleteError(error.message);
    } finally {
      setDeleting(false);
    }
  };

  return (
    <View style={pageScaleStyle()} className='app-page privacy-data' data-testid='privacy-data-page'>
      <View className='app-card privacy-data__section'>
        <Text className='privacy-data__title'>更正企业信息</Text>
        {enterprise.data ? (
          <CorrectEnterpriseForm key={enterprise.data.version} enterprise={enterprise.data} isOwner={isOwner} submitting={saving} serverError={saveError} onSubmit={(b) => void save(b)} />
        ) : (
          <StatusView variant={enterprise.error ? 'error' : 'loading'} message={enterprise.error?.message} />
        )}
      </View>
      <View className='app-card privacy-data__section'>
        <Text className='privacy-data__title'>导出我的数据</Text>
        <Text className='app-card__hint'>包含您的账号、企业信息及变更记录、诉求与留言、预约、走访、整改和查看记录。</Text>
        <View className='privacy-data__actions'>
          <Button className='app-button' data-testid='export-xlsx' loading={exporting === 'xlsx'} disabled={exporting !== null} onClick={() => void exportAs('xlsx')}>
            导出 Excel
          </Button>
          <Button className='app-button app-button--secondary' data-testid='export-json' loading={exporting === 'json'} disabled={exporting !== null} onClick={() => void exportAs('json')}>
            导出 JSON
          </Button>
        </View>
      </View>
      <View className='app-card privacy-data__section'>
        <Text className='privacy-data__title'>注销账号</Text>
        <Text className='app-card__hint'>删除您的个人信息并退出所有设备；企业须保存的记录按规定保留并匿名化。</Text>
        <Button className='app-button app-button--danger app-button--block' data-testid='delete-account' onClick={() => setConfirming(true)}>
          注销账号
        </Button>
      </View>
      <Text className='app-card__hint' onClick={() => openPage('privacy', { mode: 'view' })}>
        查看《隐私保护指引》›
      </Text>
      {confirming ? (
        <BottomSheet title='注销账号' onClose={() => setConfirming(false)} testId='delete-sheet'>
          <DeleteAccountDialog lastOwner={isOwner && owners <= 1} enterpriseName={me.enterprise?.name} busy={deleting} error={deleteError} onConfirm={(c) => void remove(c)} onCancel={() => setConfirming(false)} />
        </BottomSheet>
      ) : null}
    </View>
  );
}
