import { View, Text } from '@tarojs/components';

export default function Page() {
  return (
    <View className='app-page'>
      <Text>我的</Text>
    </View>
  );
}
