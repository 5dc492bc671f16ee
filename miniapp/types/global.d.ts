/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony' | 'jdrn';
    /** API base URL, inlined at build time: '/api' on H5 (same-origin proxy), an absolute https URL on weapp. */
    TARO_APP_API_BASE?: string;
    /** 'dev' shows the demo-login picker. */
    TARO_APP_STAGE?: string;
    TARO_APP_ID?: string;
  }
}
