'use strict';
// Stock @grpc/grpc-js interop client for danvan.interop.v1.InteropService.
//
// Usage: node tests/peers/node/interop_client.js --target HOST:PORT --scenario all [--skip a,b]
//
// --scenario takes "all", one scenario name or a comma-separated list; --skip lists scenarios
// reported as {"ok": true, "detail": "skipped"} without running them. One JSON line is printed
// per scenario: {"scenario": NAME, "ok": true|false, "detail": TEXT}. Exit code 0 only when every
// requested scenario passed (or was skipped), 1 when one failed, 2 on a usage error.

const util = require('util');
const P = require('./peer_protos');
const { grpc } = P;

const SERVICE = 'danvan.interop.v1.InteropService';
const MiB = 1024 * 1024;
const SCENARIO_TIMEOUT_MS = 30000;
const CODE_NAME = Object.fromEntries(Object.entries(grpc.status).map(([k, v]) => [v, k]));
const GZIP = 2; // grpc.compressionAlgorithms.gzip

class Fail extends Error {}

function show(v) {
  let s;
  if (Buffer.isBuffer(v)) {
    s = `<Buffer ${v.length} bytes ${v.subarray(0, 16).toString('hex')}${v.length > 16 ? '...' : ''}>`;
  } else {
    s = util.inspect(v, { depth: 4, breakLength: Infinity });
  }
  return s.length > 200 ? s.slice(0, 200) + '...' : s;
}

function expect(cond, msg) {
  if (!cond) {
    throw new Fail(msg);
  }
}

function expectEq(what, got, want) {
  const same = Buffer.isBuffer(want) ? Buffer.isBuffer(got) && got.equals(want) : util.isDeepStrictEqual(got, want);
  if (!same) {
    throw new Fail(`${what}: got ${show(got)}, want ${show(want)}`);
  }
}

function expectStatus(status, code, details) {
  expect(status.code === code,
    `want ${CODE_NAME[code]}, got ${CODE_NAME[status.code] ?? status.code}: ${JSON.stringify(status.details)}`);
  if (details !== undefined) {
    expectEq('status message', status.details, details);
  }
}

function md(pairs) {
  const m = new grpc.Metadata();
  for (const [k, v] of pairs) {
    m.add(k, v);
  }
  return m;
}

// Unary call -> {resp, status, initial}; never rejects (the status says how it ended).
function unary(client, method, req, { metadata, deadline } = {}) {
  return new Promise((resolve) => {
    let resp = null;
    let initial = null;
    const call = client[method](req, metadata || new grpc.Metadata(), deadline ? { deadline } : {}, (err, r) => {
      resp = err ? null : r;
    });
    call.on('metadata', (m) => { initial = m; });
    call.on('status', (status) => setImmediate(() => resolve({ resp, status, initial })));
  });
}

// Reader over a client call with a readable side: next() -> message or null at the end;
// done -> {status, initial} once the call finished and every message was delivered.
function reader(call) {
  const buffered = [];
  const waiters = [];
  let initial = null;
  let status = null;
  let ended = false;
  let finished = false;
  let resolveDone;
  const done = new Promise((r) => { resolveDone = r; });
  const maybeFinish = () => {
    if (finished || !status || (status.code === grpc.status.OK && !ended)) {
      return;
    }
    setImmediate(() => {
      finished = true;
      while (waiters.length) {
        waiters.shift()(null);
      }
      resolveDone({ status, initial });
    });
  };
  call.on('metadata', (m) => { initial = m; });
  call.on('data', (d) => {
    const w = waiters.shift();
    if (w) {
      w(d);
    } else {
      buffered.push(d);
    }
  });
  call.on('end', () => { ended = true; maybeFinish(); });
  call.on('error', () => { /* reported through 'status' */ });
  call.on('status', (s) => { status = s; maybeFinish(); });
  return {
    done,
    next() {
      if (buffered.length) {
        return Promise.resolve(buffered.shift());
      }
      if (finished) {
        return Promise.resolve(null);
      }
      return new Promise((r) => waiters.push(r));
    },
    async all() {
      const out = [];
      for (let m = await this.next(); m !== null; m = await this.next()) {
        out.push(m);
      }
      return { items: out, ...(await done) };
    },
  };
}

// Next message of a reader(); fails with the call's final status if the stream ended instead.
async function nextOrFail(rd, what) {
  const m = await rd.next();
  if (m === null) {
    const { status } = await rd.done;
    throw new Fail(`stream ended before ${what}: ${CODE_NAME[status.code] ?? status.code} ${JSON.stringify(status.details)}`);
  }
  return m;
}

const ECHO_MD = [
  ['x-grpc-test-echo-initial', 'hello-initial'],
  ['x-grpc-test-echo-trailing-bin', Buffer.from([0x00, 0x01, 0xfe, 0xff])],
  ['x-custom', 'v1'],
];

function checkEchoedMd(what, initial, trailing) {
  expectEq(`${what}: initial x-grpc-test-echo-initial`, initial ? initial.get('x-grpc-test-echo-initial') : null, ['hello-initial']);
  const got = trailing ? trailing.get('x-grpc-test-echo-trailing-bin') : [];
  expectEq(`${what}: trailing x-grpc-test-echo-trailing-bin count`, got.length, 1);
  expectEq(`${what}: trailing x-grpc-test-echo-trailing-bin`, got[0], Buffer.from([0x00, 0x01, 0xfe, 0xff]));
}

function expectedMethods() {
  return [
    ['ClientStream', '.danvan.interop.v1.EchoRequest', '.danvan.interop.v1.EchoResponse', true, false],
    ['Duplex', '.danvan.interop.v1.EchoRequest', '.danvan.interop.v1.EchoResponse', true, true],
    ['Echo', '.danvan.interop.v1.EchoRequest', '.danvan.interop.v1.EchoResponse', false, false],
    ['ServerStream', '.danvan.interop.v1.StreamRequest', '.danvan.interop.v1.EchoResponse', false, true],
  ];
}

class Scenarios {
  constructor(target) {
    this.target = target;
    this.creds = grpc.credentials.createInsecure();
    this.client = new P.InteropService(target, this.creds);
  }

  async unary() {
    const payload = Buffer.alloc(1024);
    for (let i = 0; i < payload.length; i++) {
      payload[i] = i % 256;
    }
    const { resp, status } = await unary(this.client, 'Echo', { message: 'hello', payload });
    expectStatus(status, grpc.status.OK);
    expectEq('message', resp.message, 'hello');
    expectEq('payload', resp.payload, payload);
    expectEq('index', resp.index, 0);
    expectEq('request_encoding', resp.request_encoding, 'identity');
    return 'echo ok';
  }

  async large_unary() {
    const size = 3 * MiB;
    const big = Buffer.alloc(size);
    for (let i = 0; i < size; i++) {
      big[i] = (i * 7 + 3) % 251;
    }
    let r = await unary(this.client, 'Echo', { message: 'large', payload: big, response_size: size });
    expectStatus(r.status, grpc.status.OK);
    expectEq('message', r.resp.message, 'large');
    expectEq('response payload size', r.resp.payload.length, size);
    expect(r.resp.payload.equals(Buffer.alloc(size, 0x61)), 'response payload is not 3 MiB of 0x61');
    r = await unary(this.client, 'Echo', { message: 'large-echo', payload: big });
    expectStatus(r.status, grpc.status.OK);
    expect(r.resp.payload.equals(big), `3 MiB payload did not round-trip byte-exact (got ${r.resp.payload.length} bytes)`);
    return '3 MiB request + 3 MiB response_size ok; 3 MiB echo byte-exact';
  }

  async server_stream() {
    const { items, status } = await reader(this.client.ServerStream({ count: 5, interval_ms: 10, response_size: 8 })).all();
    expectStatus(status, grpc.status.OK);
    expectEq('item count', items.length, 5);
    items.forEach((it, i) => {
      expectEq(`item ${i} message`, it.message, `item-${i}`);
      expectEq(`item ${i} index`, it.index, i);
      expectEq(`item ${i} payload`, it.payload, Buffer.alloc(8, 0x61));
    });
    return '5 items in order, OK';
  }

  async server_stream_error() {
    const { items, status } = await reader(this.client.ServerStream({
      count: 2, final_status: { code: 10, message: 'aborted after 2' },
    })).all();
    expectStatus(status, grpc.status.ABORTED, 'aborted after 2');
    expectEq('items before the error', items.map((i) => [i.message, i.index]), [['item-0', 0], ['item-1', 1]]);
    return "2 items then ABORTED 'aborted after 2'";
  }

  async client_stream() {
    const r = await new Promise((resolve) => {
      let resp = null;
      const call = this.client.ClientStream((err, v) => { resp = err ? null : v; });
      call.on('status', (status) => setImmediate(() => resolve({ resp, status })));
      for (const m of ['a', 'b', 'c', 'd']) {
        call.write({ message: m });
      }
      call.end();
    });
    expectStatus(r.status, grpc.status.OK);
    expectEq('message', r.resp.message, 'a,b,c,d');
    expectEq('index', r.resp.index, 4);
    expectEq('payload', r.resp.payload, Buffer.alloc(0));
    return 'a,b,c,d / 4';
  }

  async duplex() {
    const call = this.client.Duplex();
    const rd = reader(call);
    try {
      for (let i = 0; i < 3; i++) {
        call.write({ message: `ping-${i}` });
        const resp = await nextOrFail(rd, `response ${i}`);
        expectEq(`response ${i} message`, resp.message, `ping-${i}`);
        expectEq(`response ${i} index`, resp.index, i);
        expectEq(`response ${i} request_encoding`, resp.request_encoding, 'identity');
      }
      call.end();
      const { items, status } = await rd.all();
      expectEq('responses after half-close', items.length, 0);
      expectStatus(status, grpc.status.OK);
    } finally {
      call.cancel();
    }
    return '3 lock-step round trips, half-close, OK';
  }

  async status_unicode() {
    const msg = 'bad name: fail \u2713 100%';
    const { status } = await unary(this.client, 'Echo', { respond_with_status: { code: 3, message: msg } });
    expectStatus(status, grpc.status.INVALID_ARGUMENT, msg);
    return 'INVALID_ARGUMENT with exact unicode message';
  }

  async status_all_codes() {
    for (let n = 1; n <= 16; n++) {
      const { status } = await unary(this.client, 'Echo', { respond_with_status: { code: n, message: `code ${n}` } });
      expectStatus(status, n, `code ${n}`);
    }
    return 'codes 1..16 round-trip';
  }

  async status_details() {
    const msg = 'request is invalid';
    const { status } = await unary(this.client, 'Echo', { respond_with_status: { code: 3, message: msg, with_details: true } });
    expectStatus(status, grpc.status.INVALID_ARGUMENT, msg);
    const raw = status.metadata.get('grpc-status-details-bin');
    expectEq('grpc-status-details-bin trailer count', raw.length, 1);
    const st = P.Status.decode(raw[0]);
    expectEq('Status.code', st.code, 3);
    expectEq('Status.message', st.message, msg);
    expectEq('Status.details count', st.details.length, 1);
    expectEq('details[0].type_url', st.details[0].type_url, 'type.googleapis.com/google.rpc.BadRequest');
    const bad = P.BadRequest.decode(st.details[0].value);
    expectEq('field violations', bad.field_violations.map((v) => [v.field, v.description]), [['message', 'must not be empty']]);
    return 'google.rpc.Status with BadRequest decoded';
  }

  async deadline() {
    const t0 = Date.now();
    const { status } = await unary(this.client, 'Echo', { message: 'slow', delay_ms: 5000 }, { deadline: Date.now() + 300 });
    const took = Date.now() - t0;
    expectStatus(status, grpc.status.DEADLINE_EXCEEDED);
    expect(took < 2500, `DEADLINE_EXCEEDED only after ${took} ms (timeout was 300 ms)`);
    return `DEADLINE_EXCEEDED after ${took} ms`;
  }

  async cancel() {
    const call = this.client.ServerStream({ count: 100, interval_ms: 50 });
    const rd = reader(call);
    const first = await nextOrFail(rd, 'the first item');
    expectEq('first item', [first.message, first.index], ['item-0', 0]);
    const t0 = Date.now();
    call.cancel();
    const { status } = await rd.done;
    expectStatus(status, grpc.status.CANCELLED);
    return `CANCELLED ${Date.now() - t0} ms after cancel()`;
  }

  async metadata() {
    const { resp, status, initial } = await unary(this.client, 'Echo', { message: 'md' }, { metadata: md(ECHO_MD) });
    expectStatus(status, grpc.status.OK);
    expectEq('message', resp.message, 'md');
    checkEchoedMd('Echo', initial, status.metadata);
    return 'initial + binary trailing echoed; x-custom accepted';
  }

  async metadata_streams() {
    let r = await reader(this.client.ServerStream({ count: 1 }, md(ECHO_MD))).all();
    expectStatus(r.status, grpc.status.OK);
    expectEq('ServerStream items', r.items.length, 1);
    checkEchoedMd('ServerStream', r.initial, r.status.metadata);

    r = await new Promise((resolve) => {
      let resp = null;
      let initial = null;
      const call = this.client.ClientStream(md(ECHO_MD), (err, v) => { resp = err ? null : v; });
      call.on('metadata', (m) => { initial = m; });
      call.on('status', (status) => setImmediate(() => resolve({ resp, status, initial })));
      call.write({ message: 'x' });
      call.end();
    });
    expectStatus(r.status, grpc.status.OK);
    expectEq('ClientStream message', r.resp.message, 'x');
    checkEchoedMd('ClientStream', r.initial, r.status.metadata);

    const call = this.client.Duplex(md(ECHO_MD));
    const rd = reader(call);
    call.write({ message: 'y' });
    call.end();
    r = await rd.all();
    expectStatus(r.status, grpc.status.OK);
    expectEq('Duplex messages', r.items.map((i) => i.message), ['y']);
    checkEchoedMd('Duplex', r.initial, r.status.metadata);
    return 'echoed on ServerStream, ClientStream, Duplex';
  }

  async gzip() {
    const client = new P.InteropService(this.target, this.creds, { 'grpc.default_compression_algorithm': GZIP });
    try {
      const payload = Buffer.alloc(4096, 'z');
      const { resp, status } = await unary(client, 'Echo', { message: 'gzip', payload });
      expectStatus(status, grpc.status.OK);
      expectEq('request_encoding', resp.request_encoding, 'gzip');
      expectEq('payload', resp.payload, payload);
    } finally {
      client.close();
    }
    return 'server saw grpc-encoding gzip';
  }

  async unimplemented() {
    const raw = new grpc.Client(this.target, this.creds);
    try {
      for (const path of ['/danvan.interop.v1.InteropService/NoSuchMethod', '/no.Such/Service']) {
        const status = await new Promise((resolve) => {
          const call = raw.makeUnaryRequest(path, (b) => b, (b) => b, Buffer.from([0x0a, 0x01, 0x78]), () => {});
          call.on('status', resolve);
        });
        expectStatus(status, grpc.status.UNIMPLEMENTED);
      }
    } finally {
      raw.close();
    }
    return 'unknown method and unknown service -> UNIMPLEMENTED';
  }

  async health() {
    const stub = new P.Health(this.target, this.creds);
    try {
      for (const service of ['', SERVICE]) {
        const { resp, status } = await unary(stub, 'Check', { service });
        expectStatus(status, grpc.status.OK);
        expectEq(`Check(${JSON.stringify(service)})`, resp.status, 'SERVING');
      }
      const { status } = await unary(stub, 'Check', { service: 'no.such.Service' });
      expectStatus(status, grpc.status.NOT_FOUND);
      const call = stub.Watch({ service: '' });
      const rd = reader(call);
      try {
        const first = await nextOrFail(rd, 'the first Watch message');
        expectEq("Watch('') first status", first.status, 'SERVING');
      } finally {
        call.cancel();
      }
    } finally {
      stub.close();
    }
    return 'Check x3 + Watch ok';
  }

  async reflection(Ctor, version) {
    const stub = new Ctor(this.target, this.creds);
    const call = stub.ServerReflectionInfo();
    const rd = reader(call);
    const ask = async (req) => {
      call.write(req);
      return nextOrFail(rd, `the answer to ${JSON.stringify(req)}`);
    };
    const interopFile = (resp, what) => {
      expectEq(`${what} response kind`, resp.message_response, 'file_descriptor_response');
      const files = resp.file_descriptor_response.file_descriptor_proto.map((b) => P.FileDescriptorProto.decode(b));
      const mine = files.filter((f) => f.name.endsWith('interop.proto'));
      expectEq(`${what}: files named *interop.proto`, mine.length, 1);
      const f = mine[0];
      expectEq(`${what}: package`, f.package, 'danvan.interop.v1');
      const svcs = f.service.filter((s) => s.name === 'InteropService');
      expectEq(`${what}: InteropService declarations`, svcs.length, 1);
      const methods = svcs[0].method.map((m) => [m.name, m.inputType, m.outputType, !!m.clientStreaming, !!m.serverStreaming]);
      methods.sort((a, b) => (a[0] < b[0] ? -1 : 1));
      expectEq(`${what}: methods`, methods, expectedMethods());
      return f;
    };
    let name;
    try {
      let resp = await ask({ list_services: '*' });
      expectEq('list_services response kind', resp.message_response, 'list_services_response');
      const names = resp.list_services_response.service.map((s) => s.name);
      for (const want of [SERVICE, 'grpc.health.v1.Health', `grpc.reflection.${version}.ServerReflection`]) {
        expect(names.includes(want), `list_services lacks ${want}: ${JSON.stringify(names)}`);
      }
      const bySymbol = interopFile(await ask({ file_containing_symbol: SERVICE }), 'file_containing_symbol');
      name = bySymbol.name;
      const byName = interopFile(await ask({ file_by_filename: name }), 'file_by_filename');
      expectEq('file_by_filename vs file_containing_symbol descriptor',
        P.FileDescriptorProto.toObject(byName), P.FileDescriptorProto.toObject(bySymbol));
      resp = await ask({ file_containing_symbol: 'no.Such' });
      expectEq('unknown symbol response kind', resp.message_response, 'error_response');
      expectEq('unknown symbol error_code', resp.error_response.error_code, 5);
      call.end();
      const { items, status } = await rd.all();
      expectEq('responses after half-close', items.length, 0);
      expectStatus(status, grpc.status.OK);
    } finally {
      call.cancel();
      stub.close();
    }
    return `list_services, file_containing_symbol, file_by_filename (${name}), NOT_FOUND ok`;
  }

  reflection_v1() {
    return this.reflection(P.ReflectionV1, 'v1');
  }

  reflection_v1alpha() {
    return this.reflection(P.ReflectionV1alpha, 'v1alpha');
  }

  async too_large() {
    // this.client keeps grpc-js' default max receive size (4 MiB).
    const { status } = await unary(this.client, 'Echo', { message: 'big', response_size: 5 * MiB });
    expectStatus(status, grpc.status.RESOURCE_EXHAUSTED);
    return `RESOURCE_EXHAUSTED: ${status.details}`;
  }
}

const SCENARIOS = [
  'unary', 'large_unary', 'server_stream', 'server_stream_error', 'client_stream', 'duplex',
  'status_unicode', 'status_all_codes', 'status_details', 'deadline', 'cancel', 'metadata',
  'metadata_streams', 'gzip', 'unimplemented', 'health', 'reflection_v1', 'reflection_v1alpha',
  'too_large',
];

function usage(msg) {
  process.stderr.write(`interop_client: ${msg}\n` +
    'usage: node interop_client.js --target HOST:PORT --scenario all|NAME[,NAME...] [--skip NAME[,NAME...]]\n' +
    `scenarios: ${SCENARIOS.join(',')}\n`);
  process.exit(2);
}

function parseList(value, what) {
  const names = (value || '').split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !SCENARIOS.includes(n));
  if (bad.length) {
    usage(`unknown ${what} scenario(s): ${bad.join(',')}`);
  }
  return names;
}

async function runOne(scenarios, name) {
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `timed out after ${SCENARIO_TIMEOUT_MS / 1000}s` }), SCENARIO_TIMEOUT_MS);
  });
  const run = (async () => {
    try {
      return { ok: true, detail: await scenarios[name]() };
    } catch (e) {
      return { ok: false, detail: e instanceof Fail ? e.message : `${e && e.name}: ${e && e.message}` };
    }
  })();
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(target|scenario|skip)$/.exec(argv[i]);
    if (argv[i] === '--help' || argv[i] === '-h') {
      usage('help');
    }
    if (!m || i + 1 >= argv.length) {
      usage(`bad argument ${argv[i]}`);
    }
    args[m[1]] = argv[++i];
  }
  if (!args.target) {
    usage('--target is required');
  }
  if (!args.scenario) {
    usage('--scenario is required');
  }
  const wanted = args.scenario === 'all' ? SCENARIOS : parseList(args.scenario, '--scenario');
  const skip = new Set(parseList(args.skip, '--skip'));
  if (!wanted.length) {
    usage('no scenario given');
  }
  const scenarios = new Scenarios(args.target);
  let allOk = true;
  for (const name of wanted) {
    const r = skip.has(name) ? { ok: true, detail: 'skipped' } : await runOne(scenarios, name);
    allOk = allOk && r.ok;
    process.stdout.write(JSON.stringify({ scenario: name, ok: r.ok, detail: r.detail }) + '\n');
  }
  process.exit(allOk ? 0 : 1);
}

main();
