export default definePageConfig({ navigationBarTitleText: '怎么申请评估' });
