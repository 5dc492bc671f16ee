import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { APPEAL_TYPE_LABELS, APPEAL_TYPES, type AppealType } from '../../../../../../shared/appeals/catalogue';
import { StatusView } from '../../../../components/StatusView';

/** Placeholder of the appeals module (政策咨询 / 矛盾纠纷上报 / 意见建议): replaced when that module ships. */
export default function AppealReportPage() {
  const { params } = useRouter();
  const type = (APPEAL_TYPES as readonly string[]).includes(params.type ?? '') ? (params.type as AppealType) : null;
  const title = type ? (type === 'dispute' ? '矛盾纠纷上报' : APPEAL_TYPE_LABELS[type]) : '企业诉求';

  useLoad(() => {
    void Taro.setNavigationBarTitle({ title });
  });

  return (
    <View className='app-page'>
      <View className='app-card'>
        <StatusView variant='empty' message={`${title}即将上线`} hint='在线提交后，将直达您的辖区联络官并限时办理。如有急事，请在首页直接拨打联络官电话。' />
        <Button className='app-button app-button--secondary app-button--block' onClick={() => void Taro.navigateBack()}>
          返回首页
        </Button>
      </View>
      <Text className='app-muted'>紧急情况请拨打 110。</Text>
    </View>
  );
}
