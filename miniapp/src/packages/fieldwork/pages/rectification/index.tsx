import { View } from '@tarojs/components';
import { StatusView } from '../../../../components/StatusView';

/** 整改事项: placeholder until the module lands. */
export default function Page() {
  return (
    <View className='app-page'>
      <StatusView variant='empty' message='整改事项功能建设中' />
    </View>
  );
}
