export default definePageConfig({
  navigationBarTitleText: '知识库管理',
  enablePullDownRefresh: true,
});
