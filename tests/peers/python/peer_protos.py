"""Run-time generation and import of the protobuf/gRPC stubs the python peers use.

Stubs are generated with Debian's grpc_tools (python3 -m grpc_tools.protoc) into a fresh
temporary directory, from:
  - tests/protos                 danvan/interop/v1/interop.proto (the test contract)
  - /usr/share/grpc-proto        the OFFICIAL grpc/health/v1 and grpc/reflection/{v1,v1alpha}
                                 protos (so the peers behave as stock clients/servers)
  - protos (repo)                google/rpc/status.proto and google/rpc/error_details.proto

Run with /usr/bin/python3 (Debian's grpcio is only importable there).
"""

import atexit
import importlib
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
TEST_PROTOS = os.path.join(REPO_ROOT, "tests", "protos")
REPO_PROTOS = os.path.join(REPO_ROOT, "protos")
GRPC_PROTOS = "/usr/share/grpc-proto"

PROTO_FILES = [
  "danvan/interop/v1/interop.proto",
  "grpc/health/v1/health.proto",
  "grpc/reflection/v1/reflection.proto",
  "grpc/reflection/v1alpha/reflection.proto",
  "google/rpc/status.proto",
  "google/rpc/error_details.proto",
]


class Stubs:
  pass


def load():
  """Generates the stubs and returns a namespace with the generated modules."""
  for d in (TEST_PROTOS, REPO_PROTOS, GRPC_PROTOS):
    if not os.path.isdir(d):
      sys.exit(f"peer_protos: missing proto directory {d} (run .ci/setup.sh)")
  out = tempfile.mkdtemp(prefix="danvan-pypeer-")
  atexit.register(shutil.rmtree, out, True)
  # The official copies of the grpc protos come first on the include path, so they win over
  # the repo's own copies under protos/grpc.
  cmd = [sys.executable, "-m", "grpc_tools.protoc",
         "-I", TEST_PROTOS, "-I", GRPC_PROTOS, "-I", REPO_PROTOS,
         "--python_out", out, "--grpc_python_out", out] + PROTO_FILES
  res = subprocess.run(cmd, capture_output=True, text=True)
  if res.returncode != 0:
    sys.exit(f"peer_protos: protoc failed ({res.returncode}): {res.stderr}")

  sys.path.insert(0, out)
  # 'google' is a namespace package, so google.rpc resolves from `out` directly. 'grpc' is
  # grpcio's regular package: extend its __path__ so grpc.health.v1 / grpc.reflection.* (which
  # grpcio itself does not ship) resolve to the generated modules.
  import grpc
  grpc.__path__.append(os.path.join(out, "grpc"))
  import google
  if os.path.join(out, "google") not in list(google.__path__):
    google.__path__.append(os.path.join(out, "google"))

  s = Stubs()
  s.out_dir = out
  s.interop_pb2 = importlib.import_module("danvan.interop.v1.interop_pb2")
  s.interop_pb2_grpc = importlib.import_module("danvan.interop.v1.interop_pb2_grpc")
  s.health_pb2 = importlib.import_module("grpc.health.v1.health_pb2")
  s.health_pb2_grpc = importlib.import_module("grpc.health.v1.health_pb2_grpc")
  s.refl_v1_pb2 = importlib.import_module("grpc.reflection.v1.reflection_pb2")
  s.refl_v1_pb2_grpc = importlib.import_module("grpc.reflection.v1.reflection_pb2_grpc")
  s.refl_v1alpha_pb2 = importlib.import_module("grpc.reflection.v1alpha.reflection_pb2")
  s.refl_v1alpha_pb2_grpc = importlib.import_module("grpc.reflection.v1alpha.reflection_pb2_grpc")
  s.status_pb2 = importlib.import_module("google.rpc.status_pb2")
  s.error_details_pb2 = importlib.import_module("google.rpc.error_details_pb2")
  return s
