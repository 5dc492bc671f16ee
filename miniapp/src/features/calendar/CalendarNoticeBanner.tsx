import { Text, View } from '@tarojs/components';
import { useRequest } from '../../services/hooks';
import { openPage } from '../../services/navigation';
import { api } from '../../services/request';
import './calendar.scss';

export interface CalendarNoticeBannerProps {
  /** Today, for the 1 November rule (the server decides; this only saves the request before November). */
  today?: Date;
}

/** The centre's home: from 1 November, a warning while next year's holiday notice is not entered. */
export function CalendarNoticeBanner({ today = new Date() }: CalendarNoticeBannerProps) {
  const due = today.getMonth() >= 10;
  const next = String(today.getFullYear() + 1);
  const state = useRequest(() => api('getCalendarYear', { params: { year: next } }), [next], due);
  const warning = state.data?.warning;
  if (!due || !warning) return null;
  return (
    <View className='calendar-warning' data-testid='calendar-warning' onClick={() => void openPage('calendar', { year: next })}>
      <Text className='calendar-warning__text'>{warning}</Text>
      <Text className='calendar-warning__action'>去录入 ›</Text>
    </View>
  );
}
