import { View, Text } from '@tarojs/components';

export default function Page() {
  return (
    <View className='app-page'>
      <Text>企业注册</Text>
    </View>
  );
}
