'use strict';
// Stock-client acceptance check: a gRPC client that knows only the server's address lists its
// services through server reflection and calls grpc.health.v1.Health/Check("").
//
// Usage: node tests/peers/node/discover.js --target HOST:PORT [--reflection v1|v1alpha]
//
// Uses the stock npm package grpc-js-reflection-client (its default reflection version is
// v1alpha) with @grpc/grpc-js. No local .proto file is read: the Health service descriptor is
// fetched from the server by reflection and the client is built from it. Prints one JSON line
//   {"services":[...],"health":"SERVING","reflection":"v1alpha"}
// and exits 0; on any failure prints the error on stderr and exits 1 (2 on a usage error).

const grpc = require('@grpc/grpc-js');
const { GrpcReflection } = require('grpc-js-reflection-client');

const HEALTH = 'grpc.health.v1.Health';
const CALL_TIMEOUT_MS = 10000;

function usage(msg) {
  process.stderr.write(`discover: ${msg}\nusage: node discover.js --target HOST:PORT [--reflection v1|v1alpha]\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = { target: null, reflection: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--target' && i + 1 < argv.length) {
      args.target = argv[++i];
    } else if (argv[i] === '--reflection' && i + 1 < argv.length) {
      args.reflection = argv[++i];
    } else {
      usage(`bad argument ${argv[i]}`);
    }
  }
  if (!args.target) {
    usage('--target is required');
  }
  if (args.reflection !== null && args.reflection !== 'v1' && args.reflection !== 'v1alpha') {
    usage('--reflection must be v1 or v1alpha');
  }
  return args;
}

function lookup(root, dottedName) {
  let node = root;
  for (const part of dottedName.split('.')) {
    if (!node || !(part in node)) {
      return undefined;
    }
    node = node[part];
  }
  return node;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const creds = grpc.credentials.createInsecure();
  // The library's own default version unless asked otherwise: that is what a stock user gets.
  const reflection = args.reflection === null
    ? new GrpcReflection(args.target, creds)
    : new GrpcReflection(args.target, creds, {}, args.reflection);
  const version = reflection.version;
  const deadline = () => ({ deadline: Date.now() + CALL_TIMEOUT_MS });

  const services = await reflection.listServices('*', new grpc.Metadata(), deadline());
  if (!services.includes(HEALTH)) {
    throw new Error(`reflection lists no ${HEALTH}: ${JSON.stringify(services)}`);
  }

  // The descriptor comes from the server (file_containing_symbol + its dependencies).
  const descriptor = await reflection.getDescriptorBySymbol(HEALTH, new grpc.Metadata(), deadline());
  const packageObject = descriptor.getPackageObject({ keepCase: true, enums: String, longs: String, defaults: true });
  const Health = lookup(packageObject, HEALTH);
  if (typeof Health !== 'function') {
    throw new Error(`the reflected descriptor has no service ${HEALTH}`);
  }

  const client = new Health(args.target, creds);
  try {
    const response = await new Promise((resolve, reject) => {
      client.Check({ service: '' }, new grpc.Metadata(), deadline(), (err, res) => (err ? reject(err) : resolve(res)));
    });
    process.stdout.write(JSON.stringify({ services, health: response.status, reflection: version }) + '\n');
  } finally {
    client.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`discover: ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  },
);
