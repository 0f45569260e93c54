#!/usr/bin/env node
// Runs the compiled CLI; falls back to the TypeScript source (via tsx) before the first build.
const path = require('path');
const fs = require('fs');
const dist = path.join(__dirname, '..', 'dist', 'cli.js');
const src = path.join(__dirname, '..', 'src', 'cli.ts');
let cli;
if (fs.existsSync(dist) && fs.statSync(dist).mtimeMs >= newestSource()) {
  cli = require(dist);
} else {
  require('tsx/cjs');
  cli = require(src);
}
process.exitCode = cli.main(process.argv.slice(2));

function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(__dirname, '..', 'src'));
  return newest;
}
