export default definePageConfig({
  navigationBarTitleText: '我发布的信息',
  enablePullDownRefresh: true,
});
