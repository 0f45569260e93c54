// Taro build of the mini-program: WeChat (dist/weapp, opened by WeChat DevTools through the root
// project.config.json) and H5 (dist/h5, served by the server at `/`).
import path from 'node:path';
import { defineConfig } from '@tarojs/cli';

// npm workspaces put the console's React 19 at the root; the mini-program runs React 18 (its own
// node_modules), so every import of react (and react-dom in H5) is pinned to this package's copy.
const own = (pkg: string) => path.resolve(__dirname, '..', 'node_modules', pkg);
// npm keeps Taro packages that peer on React 18 here (e.g. @tarojs/plugin-framework-react) or under the H5
// runtime (@tarojs/router), not at the root where the Taro packages importing them live: webpack looks in
// those folders after the usual ones.
type Chain = { resolve: { modules: { add(dir: string): Chain['resolve']['modules'] } } };
const moduleDirs = (extra: string[]) => (chain: Chain) => {
  let modules = chain.resolve.modules.add('node_modules').add(path.resolve(__dirname, '..', 'node_modules'));
  for (const dir of extra) modules = modules.add(dir);
};
const h5RuntimeModules = () => {
  try {
    return [path.join(path.dirname(require.resolve('@tarojs/taro-h5/package.json')), 'node_modules')];
  } catch {
    return [];
  }
};

export default defineConfig(() => ({
  projectName: 'changhutong',
  date: '2026-12-02',
  // Sizes in the stylesheets are CSS pixels on both platforms (no px → rpx/rem conversion), so that the
  // elder mode's 18px text and 60px targets are what the phone shows.
  designWidth: 375,
  deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: `dist/${process.env.TARO_ENV}`,
  plugins: [],
  defineConstants: {
    // WeChat has no "same origin": the API's address comes from the build (see README).
    API_BASE_URL: JSON.stringify(process.env.CHANGHU_API_BASE_URL ?? 'https://changhu.example.cn'),
  },
  copy: { patterns: [], options: {} },
  framework: 'react',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  alias: { react: own('react') },
  mini: {
    webpackChain: moduleDirs([]),
    postcss: {
      pxtransform: { enable: false, config: {} },
      url: { enable: true, config: { limit: 1024 } },
      cssModules: { enable: false, config: {} },
    },
  },
  h5: {
    webpackChain: moduleDirs(h5RuntimeModules()),
    // Real <button>, <input> and <textarea> elements (React components) rather than Taro's web components:
    // screen readers and the browser's own accessibility see buttons as buttons.
    useHtmlComponents: true,
    publicPath: '/',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    // h5.alias replaces the top-level alias, so react is named again (react/jsx-runtime included).
    alias: { react: own('react'), 'react-dom': own('react-dom') },
    output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
    miniCssExtractPluginOption: {
      filename: 'css/[name].[contenthash:8].css',
      chunkFilename: 'css/[name].[contenthash:8].css',
    },
    postcss: {
      pxtransform: { enable: false, config: {} },
      autoprefixer: { enable: true, config: {} },
      cssModules: { enable: false, config: {} },
    },
  },
}));
