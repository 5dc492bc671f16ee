export default definePageConfig({
  navigationBarTitleText: '回访登记',
  enablePullDownRefresh: true,
});
