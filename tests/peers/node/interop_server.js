'use strict';
// Stock @grpc/grpc-js interop server for danvan.interop.v1.InteropService.
//
// Usage: node tests/peers/node/interop_server.js --port 0 [--log-headers]
//
// Serves InteropService and grpc.health.v1.Health on 127.0.0.1:<port> (0 = pick a free port),
// prints exactly one line "READY <port>" once serving, and exits cleanly on SIGTERM/SIGINT or
// when stdin (if it is a pipe or socket) reaches end-of-file.
//
// request_encoding: grpc-js removes grpc-encoding from the metadata handed to handlers, so a
// server interceptor copies the value grpc-js parsed from the request headers (the
// `incomingEncoding` field of its base server call, which is not public API) onto the call.

const fs = require('fs');
const P = require('./peer_protos');
const { grpc } = P;

const MAX_MESSAGE = 16 * 1024 * 1024;
const ECHO_INITIAL = 'x-grpc-test-echo-initial';
const ECHO_TRAILING = 'x-grpc-test-echo-trailing-bin';
const DETAILS_KEY = 'grpc-status-details-bin';
const SERVICE = 'danvan.interop.v1.InteropService';
const HEALTH = new Map([['', 'SERVING'], [SERVICE, 'SERVING']]);
const REQUEST_ENCODING = Symbol('request-encoding');

function parseArgs(argv) {
  const args = { port: 0, logHeaders: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') {
      args.port = Number(argv[++i]);
    } else if (argv[i] === '--log-headers') {
      args.logHeaders = true;
    } else if (argv[i] === '--help' || argv[i] === '-h') {
      process.stdout.write('usage: node interop_server.js [--port N] [--log-headers]\n');
      process.exit(0);
    } else {
      process.stderr.write(`interop_server: unknown argument ${argv[i]}\n`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
    process.stderr.write('interop_server: --port must be 0..65535\n');
    process.exit(2);
  }
  return args;
}
const ARGS = parseArgs(process.argv.slice(2));

// Records the request's grpc-encoding (or "identity") on the metadata object the handler gets.
function encodingInterceptor(methodDescriptor, call) {
  const enc = call.incomingEncoding;
  return new grpc.ServerInterceptingCall(call, {
    start(next) {
      next({
        onReceiveMetadata(metadata, mdNext) {
          metadata[REQUEST_ENCODING] = typeof enc === 'string' ? enc : '<grpc-js internals changed: incomingEncoding unavailable>';
          mdNext(metadata);
        },
      });
    },
  });
}

function requestEncoding(call) {
  return call.metadata[REQUEST_ENCODING] || '<interceptor did not run>';
}

function logHeaders(call, method) {
  if (!ARGS.logHeaders) {
    return;
  }
  const md = [];
  for (const [k, v] of Object.entries(call.metadata.getMap())) {
    md.push([k, Buffer.isBuffer(v) ? v.toString('hex') : v]);
  }
  process.stderr.write(JSON.stringify({ method, metadata: md, request_encoding: requestEncoding(call), peer: call.getPeer() }) + '\n');
}

// Sends x-grpc-test-echo-initial back as initial metadata; returns the trailers to echo.
function echoMetadata(call) {
  const initial = call.metadata.get(ECHO_INITIAL);
  if (initial.length > 0) {
    const md = new grpc.Metadata();
    for (const v of initial) {
      md.add(ECHO_INITIAL, v);
    }
    call.sendMetadata(md);
  }
  const trailing = new grpc.Metadata();
  for (const v of call.metadata.get(ECHO_TRAILING)) {
    trailing.add(ECHO_TRAILING, v);
  }
  return trailing;
}

function statusDetails(code, message) {
  const bad = P.BadRequest.encode(P.BadRequest.create({
    field_violations: [{ field: 'message', description: 'must not be empty' }],
  })).finish();
  return Buffer.from(P.Status.encode(P.Status.create({
    code,
    message,
    details: [{ type_url: 'type.googleapis.com/google.rpc.BadRequest', value: bad }],
  })).finish());
}

// The status object grpc-js turns into the call's final status (code, grpc-message, trailers).
function statusFor(st, trailing) {
  const metadata = trailing.clone();
  if (st.with_details) {
    metadata.set(DETAILS_KEY, statusDetails(st.code, st.message));
  }
  return { code: st.code, details: st.message, metadata };
}

function makeResponse(req, encoding, index) {
  return {
    message: req.message,
    payload: req.response_size > 0 ? Buffer.alloc(req.response_size, 0x61) : req.payload,
    index,
    request_encoding: encoding,
  };
}

function echo(call, callback) {
  logHeaders(call, 'Echo');
  const trailing = echoMetadata(call);
  const req = call.request;
  if (req.respond_with_status) {
    if (req.respond_with_status.code === 0) {
      callback(null, {}, trailing); // grpc-js cannot attach a message to OK; sends "OK"
    } else {
      callback(statusFor(req.respond_with_status, trailing));
    }
    return;
  }
  const answer = () => {
    if (!call.cancelled) {
      callback(null, makeResponse(req, requestEncoding(call), 0), trailing);
    }
  };
  if (req.delay_ms > 0) {
    const timer = setTimeout(answer, req.delay_ms);
    call.on('cancelled', () => clearTimeout(timer)); // client cancel or deadline
  } else {
    answer();
  }
}

function serverStream(call) {
  logHeaders(call, 'ServerStream');
  const trailing = echoMetadata(call);
  const req = call.request;
  const payload = Buffer.alloc(Math.max(0, req.response_size), 0x61);
  let i = 0;
  let timer = null;
  call.on('cancelled', () => clearTimeout(timer));
  const step = () => {
    timer = null;
    if (call.cancelled) {
      return;
    }
    if (i >= req.count) {
      if (req.final_status && req.final_status.code !== 0) {
        call.emit('error', statusFor(req.final_status, trailing));
      } else {
        call.end(trailing);
      }
      return;
    }
    const more = call.write({ message: `item-${i}`, payload, index: i });
    i++;
    const go = () => {
      if (i < req.count && req.interval_ms > 0) {
        timer = setTimeout(step, req.interval_ms);
      } else {
        setImmediate(step);
      }
    };
    if (more) {
      go();
    } else {
      call.once('drain', go);
    }
  };
  step();
}

function clientStream(call, callback) {
  logHeaders(call, 'ClientStream');
  const trailing = echoMetadata(call);
  const messages = [];
  let total = 0;
  let done = false;
  call.on('data', (req) => {
    if (done) {
      return;
    }
    if (req.respond_with_status) {
      done = true;
      callback(statusFor(req.respond_with_status, trailing));
      return;
    }
    messages.push(req.message);
    total += req.payload.length;
  });
  call.on('end', () => {
    if (done) {
      return;
    }
    done = true;
    callback(null, {
      message: messages.join(','),
      payload: Buffer.alloc(total, 0x61),
      index: messages.length,
      request_encoding: requestEncoding(call),
    }, trailing);
  });
}

function duplex(call) {
  logHeaders(call, 'Duplex');
  const trailing = echoMetadata(call);
  let seq = 0;
  let done = false;
  call.on('data', (req) => {
    if (done) {
      return;
    }
    if (req.respond_with_status) {
      done = true;
      call.emit('error', statusFor(req.respond_with_status, trailing));
      return;
    }
    call.write(makeResponse(req, requestEncoding(call), seq++));
  });
  call.on('end', () => {
    if (!done) {
      done = true;
      call.end(trailing);
    }
  });
}

function healthCheck(call, callback) {
  logHeaders(call, 'Health/Check');
  const status = HEALTH.get(call.request.service);
  if (status === undefined) {
    callback({ code: grpc.status.NOT_FOUND, details: 'unknown service' });
  } else {
    callback(null, { status });
  }
}

function healthWatch(call) {
  logHeaders(call, 'Health/Watch');
  // Statuses never change: send the current one and hold the stream open until the client leaves.
  call.write({ status: HEALTH.get(call.request.service) || 'SERVICE_UNKNOWN' });
}

function main() {
  const server = new grpc.Server({
    'grpc.max_receive_message_length': MAX_MESSAGE,
    'grpc.max_send_message_length': MAX_MESSAGE,
    interceptors: [encodingInterceptor],
  });
  server.addService(P.InteropService.service, {
    Echo: echo,
    ServerStream: serverStream,
    ClientStream: clientStream,
    Duplex: duplex,
  });
  server.addService(P.Health.service, { Check: healthCheck, Watch: healthWatch });

  let stopping = false;
  const stop = () => {
    if (stopping) {
      return;
    }
    stopping = true;
    server.forceShutdown();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  let stdinStat = null;
  try {
    stdinStat = fs.fstatSync(0);
  } catch {
    stdinStat = null;
  }
  if (stdinStat && (stdinStat.isFIFO() || stdinStat.isSocket())) {
    process.stdin.on('end', stop);
    process.stdin.on('close', stop);
    process.stdin.on('error', stop);
    process.stdin.resume();
  }

  server.bindAsync(`127.0.0.1:${ARGS.port}`, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      process.stderr.write(`interop_server: cannot listen on 127.0.0.1:${ARGS.port}: ${err.message}\n`);
      process.exit(1);
    }
    process.stdout.write(`READY ${port}\n`);
  });
}

main();
