/// <reference types="@tarojs/taro" />

declare module '*.css';

/** The API's origin for the WeChat build (config/index.ts, CHANGHU_API_BASE_URL); H5 uses its own origin. */
declare const API_BASE_URL: string;

// Taro replaces process.env.TARO_ENV at build time; the page code has no Node types, so declare just that.
declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | string;
    [key: string]: string | undefined;
  }
  interface Process {
    env: ProcessEnv;
  }
}
// eslint-disable-next-line no-var
declare var process: NodeJS.Process;
