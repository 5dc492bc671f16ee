export default definePageConfig({
  navigationBarTitleText: '助企动态',
  enablePullDownRefresh: true,
});
