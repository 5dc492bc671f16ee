import { View } from '@tarojs/components';
import { StatusView } from '../../../../components/StatusView';

/** 台账导出: placeholder until the module lands. */
export default function Page() {
  return (
    <View className='app-page'>
      <StatusView variant='empty' message='台账导出功能建设中' />
    </View>
  );
}
