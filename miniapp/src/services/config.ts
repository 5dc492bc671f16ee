/**
 * Build-time settings. Taro inlines `process.env.TARO_*` at compile time, so each must be read by its full
 * name (no destructuring). Functions rather than constants so that tests can switch platform and stage.
 */
export const apiBase = (): string => (process.env.TARO_APP_API_BASE || '/api').replace(/\/$/, '');

/** 'dev' shows the demo-login picker. */
export const isDevStage = (): boolean => process.env.TARO_APP_STAGE === 'dev';

export const isH5 = (): boolean => process.env.TARO_ENV === 'h5';

export const isWeapp = (): boolean => process.env.TARO_ENV === 'weapp';
