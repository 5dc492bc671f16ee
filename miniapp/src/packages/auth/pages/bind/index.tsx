import { View, Text } from '@tarojs/components';

export default function Page() {
  return (
    <View className='app-page'>
      <Text>绑定民警账号</Text>
    </View>
  );
}
