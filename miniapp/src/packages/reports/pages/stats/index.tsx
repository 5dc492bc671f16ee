import { View } from '@tarojs/components';
import { StatusView } from '../../../../components/StatusView';

/** 统计分析: placeholder until the module lands. */
export default function Page() {
  return (
    <View className='app-page'>
      <StatusView variant='empty' message='统计分析功能建设中' />
    </View>
  );
}
