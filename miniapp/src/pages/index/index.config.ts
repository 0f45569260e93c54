export default definePageConfig({ navigationBarTitleText: '长护通', enableShareAppMessage: true });
