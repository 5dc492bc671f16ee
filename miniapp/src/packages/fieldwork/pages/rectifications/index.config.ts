export default definePageConfig({
  navigationBarTitleText: '问题整改台账',
  enablePullDownRefresh: true,
});
