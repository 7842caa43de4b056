'use strict';
// Diagnostic HTTP/2 server (plain node:http2, no gRPC library) that shows exactly what a gRPC
// client puts on the wire: for each connection the client's SETTINGS, for each request the raw
// header list (pseudo-headers included, in arrival order) and the request's DATA framing.
// Every call is answered trailers-only with UNIMPLEMENTED "header dump".
//
// Usage: node tests/peers/node/header_dump.js --port 0
// Prints "READY <port>", then one JSON line per event:
//   {"event":"settings", ...} / {"event":"headers","headers":[[name,value],...]} /
//   {"event":"end","path":...,"data_bytes":N,"first_bytes":"<hex of the first gRPC frame header>"}
// Exits on SIGTERM/SIGINT or when stdin (a pipe or socket) reaches end-of-file.

const fs = require('fs');
const http2 = require('http2');

let port = 0;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--port') {
    port = Number(argv[++i]);
  } else {
    process.stderr.write(`header_dump: unknown argument ${argv[i]}\n`);
    process.exit(2);
  }
}

const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');
const server = http2.createServer();
server.on('session', (session) => {
  session.on('remoteSettings', (settings) => out({ event: 'settings', settings }));
});
server.on('stream', (stream, headers, flags, rawHeaders) => {
  const pairs = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    pairs.push([rawHeaders[i], rawHeaders[i + 1]]);
  }
  out({ event: 'headers', headers: pairs, end_stream: (flags & 1) === 1 });
  const chunks = [];
  let answered = false;
  const answer = () => {
    if (answered || stream.destroyed) {
      return;
    }
    answered = true;
    stream.respond({
      ':status': 200,
      'content-type': 'application/grpc',
      'grpc-status': '12',
      'grpc-message': 'header dump',
    }, { endStream: true });
  };
  // Answer once the client half-closes (or after 1 s for calls that wait for the server first).
  const timer = setTimeout(answer, 1000);
  stream.on('data', (c) => chunks.push(c));
  stream.on('end', () => {
    clearTimeout(timer);
    const body = Buffer.concat(chunks);
    out({ event: 'end', path: headers[':path'], data_bytes: body.length, first_bytes: body.subarray(0, 5).toString('hex') });
    answer();
  });
  stream.on('error', () => {});
  stream.resume();
});

const stop = () => {
  server.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
try {
  const st = fs.fstatSync(0);
  if (st.isFIFO() || st.isSocket()) {
    process.stdin.on('end', stop);
    process.stdin.resume();
  }
} catch {
  // no stdin
}
server.listen(port, '127.0.0.1', () => process.stdout.write(`READY ${server.address().port}\n`));
