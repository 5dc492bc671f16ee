export default definePageConfig({
  navigationBarTitleText: '每日晨报',
  enablePullDownRefresh: true,
});
