/** 工作日历: the State Council's holiday arrangement per year, kept by the centre. */
import { CalendarNoticeBody, CalendarYearView } from '../../calendar/schemas';
import { ALL, r, type GroupRoutes } from '../route-spec';

export const calendarRoutes = {
  getCalendarYear: r({ method: 'GET', path: '/calendar/{year}', group: 'meta', summary: '某年工作日历（每天是否上班及来源：国务院通知、法定节假日推算、周末）', roles: ALL, response: CalendarYearView }),
  setCalendarYear: r({
    method: 'PUT',
    path: '/calendar/{year}',
    group: 'meta',
    summary: '录入某年国务院节假日安排（放假时间段与调休上班日，按版本号防覆盖）',
    roles: ['centre'],
    body: CalendarNoticeBody,
    response: CalendarYearView,
  }),
} satisfies GroupRoutes<'meta'>;
