export default definePageConfig({
  navigationBarTitleText: '助企直通车',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
