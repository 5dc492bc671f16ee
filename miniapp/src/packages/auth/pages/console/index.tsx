import { Text, View } from '@tarojs/components';
import { ConsoleQrLogin } from '../../../../features/auth/ConsoleQrLogin';
import './index.scss';
import { pageScaleStyle } from '../../../../services/text-size';

/** 电脑端后台登录: the desktop console (the H5 build on a wide screen) signs in by scanning with the mini-program. */
export default function ConsoleLoginPage() {
  return (
    <View style={pageScaleStyle()} className='app-page app-page--wide console-login'>
      <View className='console-login__hero'>
        <Text className='console-login__title'>助企直通车后台</Text>
        <Text className='console-login__subtitle'>派出所所长、联络官与助企警务中心在电脑上办理诉求、查看统计与导出台账</Text>
      </View>
      <ConsoleQrLogin variant='page' />
    </View>
  );
}
