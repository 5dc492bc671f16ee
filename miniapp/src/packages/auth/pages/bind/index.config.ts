export default definePageConfig({
  navigationBarTitleText: '绑定民警账号',
});
