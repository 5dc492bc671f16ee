import { Text, View } from '@tarojs/components';
import type { ServiceDefinition, StationServiceSettings } from '../../../../shared/bookings/schemas';

export interface ServiceCardProps {
  service: ServiceDefinition;
  settings: StationServiceSettings;
  /** Show what to bring (the booking page); the list shows a summary only. */
  detailed?: boolean;
  /** The chosen one, in the booking's first step. */
  selected?: boolean;
  onOpen?: () => void;
}

/** One bookable service: what it is, how long it takes, what to bring; 上门集中采集 where offered. */
export function ServiceCard({ service, settings, detailed = false, selected = false, onOpen }: ServiceCardProps) {
  return (
    <View className={`app-card service-card${selected ? ' service-card--selected' : ''}`} data-testid='booking-service' aria-checked={selected} onClick={onOpen}>
      <View className='service-card__top'>
        <View className='service-card__radio' />
        <Text className='service-card__name'>{service.name}</Text>
        {service.greenChannel ? <Text className='booking-badge booking-badge--green'>绿色通道</Text> : null}
        {service.onSiteAllowed ? <Text className='booking-badge'>可上门</Text> : null}
      </View>
      <Text className='service-card__line'>{service.description}</Text>
      <Text className='service-card__line'>{`每次约 ${settings.slotMinutes} 分钟 · 每个时段可约 ${settings.seatsPerSlot} 个`}</Text>
      {settings.notes ? <Text className='service-card__line'>{`本所提示：${settings.notes}`}</Text> : null}
      {detailed ? (
        <View className='service-card__materials'>
          <Text className='service-card__heading'>办理材料（请携带）</Text>
          {service.materials.map((m) => (
            <Text key={m} className='service-card__item'>{`· ${m}`}</Text>
          ))}
          {service.onSiteAllowed && service.onSiteMaterials ? (
            <View className='service-card__onsite'>
              <Text className='service-card__heading'>{`上门集中采集（${service.onSiteMinPeople ?? 1}人及以上）请准备`}</Text>
              {service.onSiteMaterials.map((m) => (
                <Text key={m} className='service-card__item'>{`· ${m}`}</Text>
              ))}
            </View>
          ) : null}
        </View>
      ) : (
        <Text className='service-card__link'>选择此项，查看办理材料</Text>
      )}
    </View>
  );
}
