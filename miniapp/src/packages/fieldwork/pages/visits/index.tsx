import { View } from '@tarojs/components';
import { StatusView } from '../../../../components/StatusView';

/** 走访企业: placeholder until the module lands. */
export default function Page() {
  return (
    <View className='app-page'>
      <StatusView variant='empty' message='走访企业功能建设中' />
    </View>
  );
}
