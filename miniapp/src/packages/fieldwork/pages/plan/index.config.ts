export default definePageConfig({
  navigationBarTitleText: '一企一策',
  enablePullDownRefresh: true,
});
