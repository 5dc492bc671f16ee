import { Button, Text, View } from '@tarojs/components';
import { isDevStage } from '../../services/config';
import { openPage } from '../../services/navigation';
import './GuestHome.scss';

export interface GuestHomeProps {
  displayName?: string;
}

/** Signed in with WeChat but not yet an enterprise or an officer: choose which. */
export function GuestHome({ displayName }: GuestHomeProps) {
  return (
    <View className='guest-home'>
      <View className='app-banner'>
        <Text className='app-banner__title'>欢迎使用助企直通车</Text>
        <Text className='app-banner__subtitle'>{displayName ? `${displayName}，` : ''}请先完成身份登记，之后即可在线咨询政策、上报矛盾纠纷、联系辖区联络官。</Text>
      </View>

      <View className='app-card guest-home__choice' onClick={() => openPage('register')}>
        <Text className='app-card__title'>企业注册</Text>
        <Text className='app-card__hint'>企业负责人或联系人首次使用，登记企业信息后自动分配辖区联络官。</Text>
        <Button className='app-button app-button--block guest-home__button'>企业注册</Button>
      </View>

      <View className='app-card guest-home__choice' onClick={() => openPage('bind')}>
        <Text className='app-card__title'>绑定民警账号</Text>
        <Text className='app-card__hint'>民警或企业员工请输入管理员发放的8位邀请码。</Text>
        <Button className='app-button app-button--secondary app-button--block guest-home__button'>绑定民警账号</Button>
      </View>

      {isDevStage() ? (
        <View className='app-card guest-home__choice' onClick={() => openPage('login')}>
          <Text className='app-card__title'>演示登录</Text>
          <Text className='app-card__hint'>开发环境：以预置的企业、民警、所长或中心账号体验。</Text>
          <Button className='app-button app-button--text app-button--block guest-home__button'>选择演示账号</Button>
        </View>
      ) : null}
    </View>
  );
}
