export default definePageConfig({ navigationBarTitleText: '长护通' });
