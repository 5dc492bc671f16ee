import { View } from '@tarojs/components';
import { StatusView } from '../../../../components/StatusView';

/** 详情: placeholder until the module lands. */
export default function Page() {
  return (
    <View className='app-page'>
      <StatusView variant='empty' message='详情功能建设中' />
    </View>
  );
}
