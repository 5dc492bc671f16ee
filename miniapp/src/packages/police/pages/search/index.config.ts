export default definePageConfig({
  navigationBarTitleText: '检索',
  enablePullDownRefresh: true,
});
