import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, ScrollView, Text, View } from '@tarojs/components';
import { isWeapp } from '../../services/config';
import './PrivacyGate.scss';

export interface PrivacyGateProps {
  onAgree: () => void;
  /** Read-only: opened from 我的, no choice to make. */
  readOnly?: boolean;
}

export const PRIVACY_SECTIONS: { title: string; body: string }[] = [
  {
    title: '我们收集哪些信息',
    body: '微信登录标识（用于识别您的账号）；企业注册时填写的企业名称、统一社会信用代码、地址、联系人姓名和手机号；您提交的咨询、上报和建议内容。',
  },
  {
    // Declared the same way in 微信公众平台 → 用户隐私保护指引: 摄像头、选中的照片或视频信息、麦克风。
    title: '相机、相册和麦克风',
    body: '仅在您点击“拍摄”“相册”或“语音”时使用：拍摄或选择现场照片、视频（选中的照片或视频信息），录制语音说明（麦克风），作为诉求或留言的证据材料上传。图片和语音会经微信内容安全审核。',
  },
  {
    title: '我们如何使用这些信息',
    body: '仅用于为企业提供助企警务服务：分配辖区联络官、办理您提交的事项、联系您反馈进展。不用于任何商业用途。',
  },
  {
    title: '谁能看到这些信息',
    body: '您所在辖区的联络官、派出所所长和助企警务中心工作人员，按职责查看。我们不会向无关第三方提供您的信息，法律法规另有规定的除外。',
  },
  {
    title: '您的权利',
    body: '您可以随时在“我的”页面查看本指引、退出登录，也可以联系辖区派出所更正或删除您的信息。',
  },
];

/** The privacy guideline and the user's choice, before any privacy API (wx.login, phone calls) is used. */
export function PrivacyGate({ onAgree, readOnly = false }: PrivacyGateProps) {
  const [declined, setDeclined] = useState(false);

  if (declined) {
    return (
      <View className='privacy-gate privacy-gate--declined'>
        <Text className='privacy-gate__title'>需要您的同意才能继续</Text>
        <Text className='privacy-gate__text'>助企直通车需要使用您的微信登录标识和您填写的企业信息来提供服务。您不同意隐私保护指引时，无法使用本服务。</Text>
        <Button className='app-button app-button--block privacy-gate__button' onClick={() => setDeclined(false)}>
          重新阅读指引
        </Button>
        {isWeapp() ? (
          <Button className='app-button app-button--text app-button--block privacy-gate__button' onClick={() => void Taro.exitMiniProgram()}>
            退出小程序
          </Button>
        ) : null}
      </View>
    );
  }

  return (
    <View className='privacy-gate'>
      <Text className='privacy-gate__title'>助企直通车隐私保护指引</Text>
      <Text className='privacy-gate__text'>感谢您使用助企直通车。在使用前，请仔细阅读以下内容：</Text>
      <ScrollView scrollY className='privacy-gate__body'>
        {PRIVACY_SECTIONS.map((section) => (
          <View key={section.title} className='privacy-gate__section'>
            <Text className='privacy-gate__section-title'>{section.title}</Text>
            <Text className='privacy-gate__text'>{section.body}</Text>
          </View>
        ))}
      </ScrollView>
      {isWeapp() ? (
        <Text className='privacy-gate__link' onClick={() => Taro.openPrivacyContract({ fail: () => undefined })}>
          查看《助企直通车小程序隐私保护指引》
        </Text>
      ) : null}
      {readOnly ? null : (
        <View className='privacy-gate__actions'>
          {isWeapp() ? (
            // WeChat records the agreement itself when this exact button is tapped.
            <Button id='agree-privacy' className='app-button app-button--block privacy-gate__button' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={onAgree}>
              同意并继续
            </Button>
          ) : (
            <Button className='app-button app-button--block privacy-gate__button' onClick={onAgree}>
              同意并继续
            </Button>
          )}
          <Button className='app-button app-button--secondary app-button--block privacy-gate__button' onClick={() => setDeclined(true)}>
            不同意
          </Button>
        </View>
      )}
    </View>
  );
}
