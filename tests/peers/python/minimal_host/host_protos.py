"""Run-time generation of the danvan.host.v1 stubs for the minimal host.

Generates protos/danvan/host/v1/*.proto and google/rpc/{status,error_details}.proto (from the repo's
protos/) with Debian's grpc_tools into a fresh temporary directory, the way tests/peers/python/
peer_protos.py does, and imports them. Run with /usr/bin/python3 (Debian's grpcio lives there).
"""

import atexit
import importlib
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_PROTOS = os.path.abspath(os.path.join(HERE, "..", "..", "..", "..", "protos"))

HOST_PROTOS = [
  "danvan/host/v1/common.proto",
  "danvan/host/v1/directory.proto",
  "danvan/host/v1/directory_service.proto",
  "danvan/host/v1/documents.proto",
  "danvan/host/v1/documents_service.proto",
  "danvan/host/v1/notifications_service.proto",
  "google/rpc/status.proto",
  "google/rpc/error_details.proto",
]


class Stubs:
  pass


def load():
  if not os.path.isdir(REPO_PROTOS):
    sys.exit(f"host_protos: missing proto directory {REPO_PROTOS}")
  out = tempfile.mkdtemp(prefix="danvan-minimal-host-")
  atexit.register(shutil.rmtree, out, True)
  cmd = [sys.executable, "-m", "grpc_tools.protoc", "-I", REPO_PROTOS,
         "--python_out", out, "--grpc_python_out", out] + HOST_PROTOS
  res = subprocess.run(cmd, capture_output=True, text=True)
  if res.returncode != 0:
    sys.exit(f"host_protos: protoc failed ({res.returncode}): {res.stderr}")
  sys.path.insert(0, out)
  import google
  if os.path.join(out, "google") not in list(google.__path__):
    google.__path__.append(os.path.join(out, "google"))

  s = Stubs()
  s.out_dir = out
  for name in ("common", "directory", "directory_service", "documents", "documents_service", "notifications_service"):
    setattr(s, name + "_pb2", importlib.import_module(f"danvan.host.v1.{name}_pb2"))
  for name in ("directory_service", "documents_service", "notifications_service"):
    setattr(s, name + "_pb2_grpc", importlib.import_module(f"danvan.host.v1.{name}_pb2_grpc"))
  s.status_pb2 = importlib.import_module("google.rpc.status_pb2")
  s.error_details_pb2 = importlib.import_module("google.rpc.error_details_pb2")
  return s
