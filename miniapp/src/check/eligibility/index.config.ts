export default definePageConfig({ navigationBarTitleText: '能不能申请', enableShareAppMessage: true });
