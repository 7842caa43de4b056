'use strict';
// Loads the protos the @grpc/grpc-js peers use, dynamically with @grpc/proto-loader:
//   tests/protos            danvan/interop/v1/interop.proto (the test contract)
//   /usr/share/grpc-proto   the OFFICIAL grpc/health/v1 and grpc/reflection/{v1,v1alpha} protos
//   protos (repo)           google/rpc/status.proto and google/rpc/error_details.proto
// The npm packages come from tests/peers/node_modules (installed by .ci/setup.sh).

const fs = require('fs');
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');
const descriptor = require('protobufjs/ext/descriptor');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const TEST_PROTOS = path.join(REPO_ROOT, 'tests', 'protos');
const GRPC_PROTOS = '/usr/share/grpc-proto';
const REPO_PROTOS = path.join(REPO_ROOT, 'protos');
// The official grpc protos come before the repo's own copies under protos/grpc.
const INCLUDE_DIRS = [TEST_PROTOS, GRPC_PROTOS, REPO_PROTOS];

for (const dir of INCLUDE_DIRS) {
  if (!fs.existsSync(dir)) {
    process.stderr.write(`peer_protos: missing proto directory ${dir} (run .ci/setup.sh)\n`);
    process.exit(2);
  }
}

const LOADER_OPTIONS = {
  keepCase: true,
  longs: String,
  enums: String,
  bytes: Buffer,
  defaults: true,
  oneofs: true,
  includeDirs: INCLUDE_DIRS,
};

const packageDefinition = protoLoader.loadSync([
  'danvan/interop/v1/interop.proto',
  'grpc/health/v1/health.proto',
  'grpc/reflection/v1/reflection.proto',
  'grpc/reflection/v1alpha/reflection.proto',
], LOADER_OPTIONS);
const loaded = grpc.loadPackageDefinition(packageDefinition);

// google.rpc.Status / BadRequest are only ever (de)serialized by hand (grpc-status-details-bin),
// so they are loaded with protobufjs (the library proto-loader itself uses).
const rpcRoot = new protobuf.Root();
rpcRoot.resolvePath = (origin, target) => {
  for (const dir of INCLUDE_DIRS) {
    const candidate = path.join(dir, target);
    if (fs.existsSync(candidate)) {
      return candidate;
    }
  }
  return target; // google/protobuf/*.proto: protobufjs' bundled well-known types
};
rpcRoot.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: true });

module.exports = {
  grpc,
  REPO_ROOT,
  InteropService: loaded.danvan.interop.v1.InteropService,
  Health: loaded.grpc.health.v1.Health,
  ReflectionV1: loaded.grpc.reflection.v1.ServerReflection,
  ReflectionV1alpha: loaded.grpc.reflection.v1alpha.ServerReflection,
  Status: rpcRoot.lookupType('google.rpc.Status'),
  BadRequest: rpcRoot.lookupType('google.rpc.BadRequest'),
  FileDescriptorProto: descriptor.FileDescriptorProto,
};
