#!/usr/bin/env node
// Runs an ONNX model in ONNX Runtime (the onnxruntime-node package, CPU) on a
// batch of images and writes the logits, so that the C++ tests compare ZSQ's
// exports with a real runtime. Raw little-endian float32 files, no headers.
//
//   node run_onnx.js MODEL.onnx IN.f32 N C H W OUT.f32 [threads]
//   node run_onnx.js --bench MODEL.onnx N C H W ITERATIONS [threads]
//       median and mean latency in ms of one run on batch N (random input)
//
// The package is looked for in $ZSQ_ORT_NODE_DIR, else where
// installer/install-deps.sh puts it.
'use strict';
const fs = require('fs');
const path = require('path');

const dir = process.env.ZSQ_ORT_NODE_DIR ||
    '/opt/zsq/onnxruntime-node/node_modules/onnxruntime-node';
let ort;
try {
  ort = require(dir);
} catch (e) {
  console.error(`run_onnx.js: onnxruntime-node not found in ${dir}: ${e.message.split('\n')[0]}`);
  process.exit(3);
}

function options(threads) {
  const o = {executionProviders: ['cpu'], graphOptimizationLevel: 'all'};
  if (threads > 0) {
    o.intraOpNumThreads = threads;
    o.interOpNumThreads = 1;
  }
  return o;
}

function inputName(session) {
  return session.inputNames[0];
}

async function run(args) {
  const [model, inFile, n, c, h, w, outFile, threads] = args;
  const dims = [n, c, h, w].map(Number);
  const bytes = fs.readFileSync(inFile);
  const count = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== count * 4)
    throw new Error(`${inFile} holds ${bytes.length} bytes, expected ${count * 4} for [${dims}]`);
  const data = new Float32Array(bytes.buffer, bytes.byteOffset, count);
  const session = await ort.InferenceSession.create(model, options(Number(threads || 0)));
  const feeds = {[inputName(session)]: new ort.Tensor('float32', data, dims)};
  const result = await session.run(feeds);
  const logits = result[session.outputNames[0]];
  fs.writeFileSync(outFile, Buffer.from(logits.data.buffer, logits.data.byteOffset, logits.data.byteLength));
  console.log(`${path.basename(model)}: logits [${logits.dims}] -> ${outFile}`);
}

async function bench(args) {
  const [model, n, c, h, w, iterations, threads] = args;
  const dims = [n, c, h, w].map(Number);
  const count = dims.reduce((a, b) => a * b, 1);
  const data = new Float32Array(count);
  for (let i = 0; i < count; ++i)
    data[i] = Math.random() * 2 - 1;
  const session = await ort.InferenceSession.create(model, options(Number(threads || 0)));
  const feeds = {[inputName(session)]: new ort.Tensor('float32', data, dims)};
  for (let i = 0; i < 5; ++i)
    await session.run(feeds); // warm-up
  const times = [];
  for (let i = 0; i < Number(iterations); ++i) {
    const t0 = process.hrtime.bigint();
    await session.run(feeds);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(JSON.stringify({model: path.basename(model), batch: dims[0], iterations: times.length,
                              threads: Number(threads || 0), median_ms: times[times.length >> 1], mean_ms: mean}));
}

const argv = process.argv.slice(2);
(argv[0] === '--bench' ? bench(argv.slice(1)) : run(argv)).catch((e) => {
  console.error(`run_onnx.js: ${e.message.split('\n')[0]}`);
  process.exit(1);
});
