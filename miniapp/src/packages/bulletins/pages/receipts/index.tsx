import { View } from '@tarojs/components';
import { StatusView } from '../../../../components/StatusView';

/** 阅知情况: placeholder until the module lands. */
export default function Page() {
  return (
    <View className='app-page'>
      <StatusView variant='empty' message='阅知情况功能建设中' />
    </View>
  );
}
