// The main package holds only the home page; every feature is a subpackage, so the first download stays small.
export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: [
    { root: 'check', pages: ['eligibility/index', 'screen/index', 'selfcheck/index'] },
    { root: 'cost', pages: ['compare/index'] },
    { root: 'law', pages: ['library/index', 'document/index', 'clause/index'] },
    {
      root: 'more',
      pages: ['privacy/index', 'assess/index', 'providers/index', 'provider/index', 'mine/index', 'chat/index'],
    },
    // Part 2: what needs signing in. One subpackage per flow, so none of them weighs on the first download.
    { root: 'account', pages: ['signin/index', 'people/index', 'person/index', 'worker/index'] },
    {
      root: 'apply',
      pages: ['form/index', 'review/index', 'prepare/index', 'list/index', 'detail/index', 'inbox/index'],
    },
    { root: 'benefit', pages: ['home/index', 'bill/index', 'visits/index', 'change/index'] },
  ],
  preloadRule: { 'pages/index/index': { network: 'all', packages: ['check', 'cost'] } },
  window: {
    navigationBarTitleText: '长护通',
    navigationBarBackgroundColor: '#08467f',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f8',
  },
  // H5: no sliding page transitions (they move pages off screen and can make people feel lost).
  animation: false,
  // WeChat's privacy rules: privacy APIs wait for the user's agreement to the privacy guide.
  __usePrivacyCheck__: true,
});
