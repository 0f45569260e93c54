export default definePageConfig({ navigationBarTitleText: '要花多少钱', enableShareAppMessage: true });
