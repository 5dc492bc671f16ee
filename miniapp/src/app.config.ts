/**
 * Tab pages live in the main package; every module is a subpackage of its own (packages/<module>), so the
 * weapp main package stays small and a new module (appeals, bookings …) is one more entry here.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/mine/index'],
  subPackages: [
    {
      root: 'packages/auth',
      // console, console-confirm, devices: 扫码登录 of the desktop console and the phone's 登录设备.
      pages: ['pages/privacy/index', 'pages/login/index', 'pages/register/index', 'pages/bind/index', 'pages/console/index', 'pages/console-confirm/index', 'pages/devices/index'],
    },
    {
      root: 'packages/enterprise',
      pages: ['pages/file/index', 'pages/access-log/index', 'pages/privacy/index'],
    },
    {
      // The officer's card; 回访 (follow-up after appeals close) for the station's officers and chief.
      root: 'packages/police',
      pages: ['pages/officer/index', 'pages/followups/index', 'pages/followup/index'],
    },
    {
      // 诉求闭环: report, my appeals, the appeal page, the officer's inbox, the chief's daily queue.
      root: 'packages/appeals',
      pages: ['pages/report/index', 'pages/mine/index', 'pages/detail/index', 'pages/inbox/index', 'pages/queue/index'],
    },
    {
      // 预约办证: book, my bookings, the booking page, the station's bookings of a day.
      root: 'packages/bookings',
      pages: ['pages/book/index', 'pages/mine/index', 'pages/detail/index', 'pages/station/index'],
    },
    {
      // 消息: in-app notifications.
      root: 'packages/notifications',
      pages: ['pages/list/index'],
    },
    {
      // 助企动态 / 风险预警 / 法治宣教 / 政策解读: the enterprise's feed and the publisher's pages.
      root: 'packages/bulletins',
      pages: ['pages/feed/index', 'pages/detail/index', 'pages/compose/index', 'pages/manage/index', 'pages/receipts/index'],
    },
    {
      // 政策咨询知识库: search, an answer, the centre's upkeep.
      root: 'packages/knowledge',
      pages: ['pages/search/index', 'pages/entry/index', 'pages/manage/index', 'pages/edit/index'],
    },
    {
      // 走访、整改台账、一企一策: the officer's field work.
      root: 'packages/fieldwork',
      pages: ['pages/visits/index', 'pages/visit/index', 'pages/rectifications/index', 'pages/rectification/index', 'pages/plan/index'],
    },
    {
      // 统计、台账导出、每日晨报: the chief's and the centre's reporting.
      root: 'packages/reports',
      pages: ['pages/stats/index', 'pages/exports/index', 'pages/digest/index'],
    },
    {
      // 工作日历: the centre keeps the State Council's holiday notice of each year.
      root: 'packages/calendar',
      pages: ['pages/year/index'],
    },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/auth'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f2f5f9',
    navigationBarBackgroundColor: '#1d4f91',
    navigationBarTitleText: '助企直通车',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#5b6778',
    selectedColor: '#1d4f91',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
  // Privacy APIs (wx.login, makePhoneCall …) wait for the user's agreement to the privacy guideline.
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
});
