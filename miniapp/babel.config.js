// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
//
// JSX is compiled by esbuild-loader before Babel runs (see `jsxWithEsbuild` in config/index.ts): with
// framework 'react' babel-preset-taro requires @babel/preset-react, an optional peer that the root
// package.json does not install. Babel still does what Taro needs from it: preset-env down to the
// mini-program's engines, runtime helpers, and removing definePageConfig() from page modules.
// Once @babel/preset-react is a devDependency, set framework: 'react' here and drop that rule.
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'none',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
};
