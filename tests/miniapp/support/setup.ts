/**
 * Runs before every mini-program test file: the app reads its platform and stage from process.env (Taro
 * inlines them at build time), and the Taro stand-in keeps state between tests unless reset.
 */
process.env.TARO_ENV = 'h5';
process.env.TARO_APP_STAGE = 'dev';
process.env.TARO_APP_API_BASE = 'https://api.test';
