import { View } from '@tarojs/components';
import { StatusView } from '../../../../components/StatusView';

/** 政策咨询: placeholder until the module lands. */
export default function Page() {
  return (
    <View className='app-page'>
      <StatusView variant='empty' message='政策咨询功能建设中' />
    </View>
  );
}
