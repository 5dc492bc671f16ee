import Taro from '@tarojs/taro';

/** Every page of the app. A new module adds its subpackage in app.config.ts and its pages here. */
export const PAGES = {
  home: '/pages/index/index',
  mine: '/pages/mine/index',
  privacy: '/packages/auth/pages/privacy/index',
  login: '/packages/auth/pages/login/index',
  register: '/packages/auth/pages/register/index',
  bind: '/packages/auth/pages/bind/index',
  consoleLogin: '/packages/auth/pages/console/index',
  consoleConfirm: '/packages/auth/pages/console-confirm/index',
  loginDevices: '/packages/auth/pages/devices/index',
  enterpriseFile: '/packages/enterprise/pages/file/index',
  accessLog: '/packages/enterprise/pages/access-log/index',
  privacyData: '/packages/enterprise/pages/privacy/index',
  officer: '/packages/police/pages/officer/index',
  followUps: '/packages/police/pages/followups/index',
  followUp: '/packages/police/pages/followup/index',
  appealReport: '/packages/appeals/pages/report/index',
  myAppeals: '/packages/appeals/pages/mine/index',
  appealDetail: '/packages/appeals/pages/detail/index',
  officerInbox: '/packages/appeals/pages/inbox/index',
  stationQueue: '/packages/appeals/pages/queue/index',
  notifications: '/packages/notifications/pages/list/index',
  booking: '/packages/bookings/pages/book/index',
  myBookings: '/packages/bookings/pages/mine/index',
  bookingDetail: '/packages/bookings/pages/detail/index',
  stationBookings: '/packages/bookings/pages/station/index',
  bulletinFeed: '/packages/bulletins/pages/feed/index',
  bulletinDetail: '/packages/bulletins/pages/detail/index',
  bulletinCompose: '/packages/bulletins/pages/compose/index',
  bulletinManage: '/packages/bulletins/pages/manage/index',
  bulletinReceipts: '/packages/bulletins/pages/receipts/index',
  knowledgeSearch: '/packages/knowledge/pages/search/index',
  knowledgeEntry: '/packages/knowledge/pages/entry/index',
  knowledgeManage: '/packages/knowledge/pages/manage/index',
  knowledgeEdit: '/packages/knowledge/pages/edit/index',
  visits: '/packages/fieldwork/pages/visits/index',
  visit: '/packages/fieldwork/pages/visit/index',
  rectifications: '/packages/fieldwork/pages/rectifications/index',
  rectification: '/packages/fieldwork/pages/rectification/index',
  servicePlan: '/packages/fieldwork/pages/plan/index',
  stats: '/packages/reports/pages/stats/index',
  exports: '/packages/reports/pages/exports/index',
  digest: '/packages/reports/pages/digest/index',
  calendar: '/packages/calendar/pages/year/index',
} as const;

export type PageName = keyof typeof PAGES;

const TAB_PAGES: ReadonlySet<string> = new Set([PAGES.home, PAGES.mine]);

export function pageUrl(page: PageName, query?: Record<string, string | number | undefined>): string {
  const qs = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return qs ? `${PAGES[page]}?${qs}` : PAGES[page];
}

/** Open a page on top of the current one (tab pages are switched to instead). */
export function openPage(page: PageName, query?: Record<string, string | number | undefined>) {
  const url = pageUrl(page, query);
  if (TAB_PAGES.has(PAGES[page])) return Taro.switchTab({ url: PAGES[page] });
  return Taro.navigateTo({ url });
}

/** Replace the current page (e.g. a submitted form by the record it created). */
export function replacePage(page: PageName, query?: Record<string, string | number | undefined>) {
  return Taro.redirectTo({ url: pageUrl(page, query) });
}

/** Close every page and start again at `page`: used by the entry flow (privacy → login → home). */
export function restartAt(page: PageName, query?: Record<string, string | number | undefined>) {
  return Taro.reLaunch({ url: pageUrl(page, query) });
}
