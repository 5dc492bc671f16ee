import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, ScrollView, Text, View } from '@tarojs/components';
import { isWeapp } from '../../services/config';
import { PRIVACY_GUIDE_VERSION, PRIVACY_SECTIONS } from '../../../../shared/privacy/guide';
import './PrivacyGate.scss';

export interface PrivacyGateProps {
  onAgree: () => void;
  /** Read-only: opened from 我的, no choice to make. */
  readOnly?: boolean;
  /** The guide changed since the user last agreed: say so above it. */
  updated?: boolean;
}

/** The guide's text lives in shared/ with its version: the server asks again when the version changes. */
export { PRIVACY_SECTIONS };

/** The privacy guideline and the user's choice, before any privacy API (wx.login, phone calls) is used. */
export function PrivacyGate({ onAgree, readOnly = false, updated = false }: PrivacyGateProps) {
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
      {updated ? (
        <Text className='privacy-gate__text privacy-gate__updated' data-testid='privacy-updated'>
          隐私保护指引已更新（{PRIVACY_GUIDE_VERSION}版），请重新阅读并同意后继续使用。
        </Text>
      ) : (
        <Text className='privacy-gate__text'>感谢您使用助企直通车。在使用前，请仔细阅读以下内容：</Text>
      )}
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
