export default definePageConfig({
  navigationBarTitleText: '政策解答',
  enablePullDownRefresh: true,
});
