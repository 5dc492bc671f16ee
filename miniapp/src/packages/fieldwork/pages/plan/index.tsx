import { View } from '@tarojs/components';
import { StatusView } from '../../../../components/StatusView';

/** 一企一策: placeholder until the module lands. */
export default function Page() {
  return (
    <View className='app-page'>
      <StatusView variant='empty' message='一企一策功能建设中' />
    </View>
  );
}
