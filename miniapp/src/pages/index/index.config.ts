export default definePageConfig({
  navigationBarTitleText: '助企直通车',
});
