import { View } from '@tarojs/components';
import { StatusView } from '../../../../components/StatusView';

/** 政策解答: placeholder until the module lands. */
export default function Page() {
  return (
    <View className='app-page'>
      <StatusView variant='empty' message='政策解答功能建设中' />
    </View>
  );
}
