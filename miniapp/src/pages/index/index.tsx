import { View, Text } from '@tarojs/components';

export default function Page() {
  return (
    <View className='app-page'>
      <Text>助企直通车</Text>
    </View>
  );
}
