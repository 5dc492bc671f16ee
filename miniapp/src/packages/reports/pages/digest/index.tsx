import { View } from '@tarojs/components';
import { StatusView } from '../../../../components/StatusView';

/** 每日晨报: placeholder until the module lands. */
export default function Page() {
  return (
    <View className='app-page'>
      <StatusView variant='empty' message='每日晨报功能建设中' />
    </View>
  );
}
