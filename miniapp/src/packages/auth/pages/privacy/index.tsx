import { View, Text } from '@tarojs/components';

export default function Page() {
  return (
    <View className='app-page'>
      <Text>隐私保护指引</Text>
    </View>
  );
}
