import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Switch, Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '../../../../shared/schemas/auth';
import { Avatar } from '../../components/Avatar';
import { StatusView } from '../../components/StatusView';
import { logout, logoutEverywhere } from '../../services/auth';
import { useMe } from '../../services/hooks';
import { openPage, restartAt } from '../../services/navigation';
import './index.scss';
import { isLargeText, pageScaleStyle, setLargeText } from '../../services/text-size';

interface InfoRow {
  label: string;
  value: string;
}

/** 我的: who am I, in which role, for which station or enterprise; 退出登录. */
export default function MinePage() {
  const me = useMe();
  const [largeText, setLargeTextState] = useState(isLargeText);
  const changeTextSize = (on: boolean) => {
    setLargeText(on);
    setLargeTextState(on);
  };

  const confirmLogout = async () => {
    const { confirm } = await Taro.showModal({
      title: '退出登录',
      content: '退出后需要重新登录才能使用助企直通车，确定退出吗？',
      confirmText: '退出',
      cancelText: '取消',
      confirmColor: '#c0392b',
    });
    if (!confirm) return;
    logout();
    void restartAt('login');
  };

  const confirmLogoutEverywhere = async () => {
    const { confirm } = await Taro.showModal({
      title: '退出所有设备',
      content: '将退出本账号在所有手机和电脑上的登录，确定吗？',
      confirmText: '全部退出',
      cancelText: '取消',
      confirmColor: '#c0392b',
    });
    if (!confirm) return;
    await logoutEverywhere().catch(() => undefined);
    void restartAt('login');
  };

  if (!me) {
    return (
      <View style={pageScaleStyle()} className='app-page mine-page'>
        <StatusView variant='empty' message='您还没有登录' actionText='去登录' onAction={() => void restartAt('login')} />
      </View>
    );
  }

  const rows: InfoRow[] = [{ label: '身份', value: ROLE_LABELS[me.role] }];
  if (me.enterprise) {
    rows.push({ label: '企业', value: me.enterprise.name });
    rows.push({ label: '企业角色', value: me.memberRole === 'staff' ? '企业员工' : '企业管理员' });
  }
  if (me.officer) rows.push({ label: '职务', value: `${me.officer.title}（警号 ${me.officer.badgeNo}）` });
  if (me.station) rows.push({ label: '派出所', value: me.station.name });

  return (
    <View style={pageScaleStyle()} className='app-page mine-page'>
      <View className='mine-page__profile'>
        <Avatar name={me.displayName} variant='profile' />
        <View className='mine-page__who'>
          <Text className='mine-page__name'>{me.displayName}</Text>
          <Text className='mine-page__role'>{ROLE_LABELS[me.role]}</Text>
        </View>
      </View>

      <View className='app-card mine-page__rows'>
        {rows.map((row) => (
          <View key={row.label} className='mine-page__row'>
            <Text className='mine-page__label'>{row.label}</Text>
            <Text className='mine-page__value'>{row.value}</Text>
          </View>
        ))}
      </View>

      <View className='app-card mine-page__rows'>
        {me.enterprise ? (
          <View className='mine-page__row mine-page__row--link' onClick={() => openPage('enterpriseFile', { enterpriseId: me.enterprise!.id })}>
            <Text>企业档案</Text>
            <Text className='mine-page__arrow'>›</Text>
          </View>
        ) : null}
        {me.role === 'enterprise' && me.enterprise ? (
          <View className='mine-page__row mine-page__row--link' data-testid='mine-access-log' onClick={() => openPage('accessLog')}>
            <Text>谁查看了我的档案</Text>
            <Text className='mine-page__arrow'>›</Text>
          </View>
        ) : null}
        {me.role === 'enterprise' && me.enterprise ? (
          <View className='mine-page__row mine-page__row--link' onClick={() => openPage('myAppeals')}>
            <Text>我的诉求</Text>
            <Text className='mine-page__arrow'>›</Text>
          </View>
        ) : null}
        {me.role === 'officer' && me.officer ? (
          <View className='mine-page__row mine-page__row--link' onClick={() => openPage('officerInbox')}>
            <Text>我的待办</Text>
            <Text className='mine-page__arrow'>›</Text>
          </View>
        ) : null}
        {me.role === 'chief' || me.role === 'centre' ? (
          <View className='mine-page__row mine-page__row--link' onClick={() => openPage('stationQueue')}>
            <Text>每日队列</Text>
            <Text className='mine-page__arrow'>›</Text>
          </View>
        ) : null}
        {me.role !== 'guest' ? (
          <View className='mine-page__row mine-page__row--link' data-testid='mine-notifications' onClick={() => openPage('notifications')}>
            <Text>消息</Text>
            <Text className='mine-page__arrow'>›</Text>
          </View>
        ) : null}
        {me.role === 'officer' || me.role === 'chief' || me.role === 'centre' ? (
          <View className='mine-page__row mine-page__row--link' data-testid='mine-devices' onClick={() => openPage('loginDevices')}>
            <Text>登录设备</Text>
            <Text className='mine-page__arrow'>›</Text>
          </View>
        ) : null}
        {me.role === 'enterprise' ? (
          <View className='mine-page__row mine-page__row--link' data-testid='mine-privacy-data' onClick={() => openPage('privacyData')}>
            <Text>隐私与数据</Text>
            <Text className='mine-page__arrow'>›</Text>
          </View>
        ) : null}
        <View className='mine-page__row' data-testid='mine-large-text'>
          <View className='mine-page__setting'>
            <Text>大字模式</Text>
            <Text className='mine-page__setting-hint'>字体放大、按钮加大，方便长辈使用</Text>
          </View>
          <Switch checked={largeText} aria-label='大字模式' color='#1d4f91' onChange={(e) => changeTextSize(Boolean(e.detail.value))} />
        </View>
        <View className='mine-page__row mine-page__row--link' onClick={() => openPage('privacy', { mode: 'view' })}>
          <Text>隐私保护指引</Text>
          <Text className='mine-page__arrow'>›</Text>
        </View>
      </View>

      <Button className='app-button app-button--danger app-button--block mine-page__logout' onClick={confirmLogout}>
        退出登录
      </Button>
      <Button className='app-button app-button--secondary app-button--block mine-page__logout' data-testid='logout-everywhere' onClick={() => void confirmLogoutEverywhere()}>
        退出所有设备
      </Button>
    </View>
  );
}
