/** One jest run for every package; tests import workspace packages from source. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/rules', '<rootDir>/intents', '<rootDir>/server', '<rootDir>/miniapp'],
  testMatch: ['**/test/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: { warnOnly: false } }] },
  moduleNameMapper: {
    '^@changhu/rules$': '<rootDir>/rules/src/index.ts',
    '^@changhu/intents$': '<rootDir>/intents/src/index.ts',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 30000,
};
