export default definePageConfig({ navigationBarTitleText: '找护理机构' });
