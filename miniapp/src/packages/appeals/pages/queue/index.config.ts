export default definePageConfig({
  navigationBarTitleText: '每日队列',
  enablePullDownRefresh: true,
});
