export default definePageConfig({
  navigationBarTitleText: '联络官',
  enablePullDownRefresh: true,
});
