export default definePageConfig({ navigationBarTitleText: '估一估失能等级', enableShareAppMessage: true });
