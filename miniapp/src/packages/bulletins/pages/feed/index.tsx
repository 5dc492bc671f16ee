import { View } from '@tarojs/components';
import { StatusView } from '../../../../components/StatusView';

/** 助企动态: placeholder until the module lands. */
export default function Page() {
  return (
    <View className='app-page'>
      <StatusView variant='empty' message='助企动态功能建设中' />
    </View>
  );
}
