export default definePageConfig({
  navigationBarTitleText: '阅知情况',
  enablePullDownRefresh: true,
});
