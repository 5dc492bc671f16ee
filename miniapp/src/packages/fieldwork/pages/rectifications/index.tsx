import { View } from '@tarojs/components';
import { StatusView } from '../../../../components/StatusView';

/** 问题整改台账: placeholder until the module lands. */
export default function Page() {
  return (
    <View className='app-page'>
      <StatusView variant='empty' message='问题整改台账功能建设中' />
    </View>
  );
}
