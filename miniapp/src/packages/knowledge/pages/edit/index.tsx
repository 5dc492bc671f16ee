import { View } from '@tarojs/components';
import { StatusView } from '../../../../components/StatusView';

/** 编辑知识条目: placeholder until the module lands. */
export default function Page() {
  return (
    <View className='app-page'>
      <StatusView variant='empty' message='编辑知识条目功能建设中' />
    </View>
  );
}
