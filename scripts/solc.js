#!/usr/bin/env node
// solc.js makes solc-js (npm "solc", pinned in package.json) answer forge the
// way a native solc binary would, because forge cannot download a compiler on
// this offline machine. Forge only asks two things of a compiler:
//   solc --version                      -> "Version: 0.8.37+commit.…"
//   solc --standard-json [path flags]   -> standard JSON in on stdin, out on stdout
// Forge puts every source's content into the standard JSON input, so the path
// flags (--base-path, --include-path, --allow-paths) are accepted and ignored.
'use strict';

const solc = require('solc');

function readStdin() {
  const chunks = [];
  const fs = require('fs');
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    let n;
    try {
      n = fs.readSync(0, buf, 0, buf.length, null);
    } catch (err) {
      if (err.code === 'EAGAIN') continue;
      if (err.code === 'EOF') break;
      throw err;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function main(args) {
  if (args.includes('--version') || args.includes('-v')) {
    process.stdout.write('solc, the solidity compiler commandline interface\nVersion: ' + solc.version() + '\n');
    return;
  }
  if (args.includes('--standard-json')) {
    // Any file-system import would mean forge left a source out: say so
    // instead of failing with a vague "file not found".
    const findImports = (path) => ({ error: 'solc.js: source not in the standard JSON input: ' + path });
    // No process.exit here: it would cut the output at the pipe's 64 KiB.
    process.stdout.write(solc.compile(readStdin(), { import: findImports }));
    return;
  }
  process.stderr.write('solc.js: only --version and --standard-json are supported, got: ' + args.join(' ') + '\n');
  process.exitCode = 2;
}

main(process.argv.slice(2));
