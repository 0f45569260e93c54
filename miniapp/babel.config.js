// babel-preset-taro: React with TypeScript, for the webpack5 runner.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
