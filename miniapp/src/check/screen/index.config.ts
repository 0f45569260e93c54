export default definePageConfig({ navigationBarTitleText: '申请前自评', enableShareAppMessage: true });
