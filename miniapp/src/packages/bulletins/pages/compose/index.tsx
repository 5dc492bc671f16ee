import { View } from '@tarojs/components';
import { StatusView } from '../../../../components/StatusView';

/** 发布信息: placeholder until the module lands. */
export default function Page() {
  return (
    <View className='app-page'>
      <StatusView variant='empty' message='发布信息功能建设中' />
    </View>
  );
}
