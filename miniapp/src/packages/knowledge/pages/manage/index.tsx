import { View } from '@tarojs/components';
import { StatusView } from '../../../../components/StatusView';

/** 知识库管理: placeholder until the module lands. */
export default function Page() {
  return (
    <View className='app-page'>
      <StatusView variant='empty' message='知识库管理功能建设中' />
    </View>
  );
}
