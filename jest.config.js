/**
 * One Jest run, four projects:
 *  - unit:        pure shared/ rules, no I/O
 *  - integration: repositories, services and handlers against DynamoDB Local (started once in globalSetup)
 *  - miniapp:     components in jsdom with Taro mapped to small DOM stand-ins
 *  - e2e:         the H5 build in headless Chromium against the local stack (started by its own setup)
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } }];
const base = {
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  // jose and ulid ship ESM only: compile them like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(jose|ulid)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
};

const selected = (process.env.JEST_PROJECTS || 'unit,integration,miniapp,e2e').split(',');

const projects = [
  { ...base, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/tests/shared/**/*.test.ts'] },
  {
    ...base,
    displayName: 'integration',
    testEnvironment: 'node',
    testMatch: ['<rootDir>/tests/functions/**/*.test.ts', '<rootDir>/tests/infra/**/*.test.ts', '<rootDir>/tests/scripts/**/*.test.ts', '<rootDir>/tests/bench/**/*.test.ts'],
    globalSetup: '<rootDir>/tests/support/dynamodb-global-setup.ts',
    globalTeardown: '<rootDir>/tests/support/dynamodb-global-teardown.ts',
    setupFiles: ['<rootDir>/tests/support/integration-env.ts'],
  },
  {
    ...base,
    displayName: 'miniapp',
    testEnvironment: 'jsdom',
    testMatch: ['<rootDir>/tests/miniapp/**/*.test.tsx', '<rootDir>/tests/miniapp/**/*.test.ts'],
    setupFiles: ['<rootDir>/tests/miniapp/support/setup.ts'],
    moduleNameMapper: {
      '^@tarojs/taro$': '<rootDir>/tests/miniapp/support/taro-stub.ts',
      '^@tarojs/components$': '<rootDir>/tests/miniapp/support/components-stub.tsx',
      '\\.(css|scss)$': '<rootDir>/tests/miniapp/support/style-stub.ts',
    },
  },
  {
    ...base,
    displayName: 'e2e',
    testEnvironment: 'node',
    testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
    globalSetup: '<rootDir>/tests/e2e/support/global-setup.ts',
    globalTeardown: '<rootDir>/tests/e2e/support/global-teardown.ts',
    testTimeout: 120000,
  },
].filter((p) => selected.includes(p.displayName));

module.exports = { projects, testTimeout: 30000 };
