#!/usr/bin/python3
"""Stock python-grpcio (C-core) interop client for danvan.interop.v1.InteropService.

Usage:
  /usr/bin/python3 tests/peers/python/interop_client.py --target HOST:PORT --scenario all [--skip a,b]

--scenario takes "all", one scenario name or a comma-separated list; --skip lists scenarios
reported as {"ok": true, "detail": "skipped"} without running them. One JSON line is printed per
scenario: {"scenario": NAME, "ok": true|false, "detail": TEXT}. Exit code 0 only when every
requested scenario passed (or was skipped), 1 when one failed, 2 on a usage error.
"""

import argparse
import json
import os
import queue
import shutil
import sys
import threading
import time

import grpc
from google.protobuf import descriptor_pb2

import peer_protos

P = peer_protos.load()
pb = P.interop_pb2
health_pb2 = P.health_pb2

SERVICE = "danvan.interop.v1.InteropService"
MiB = 1024 * 1024
SCENARIO_TIMEOUT_S = 30
Code = grpc.StatusCode
CODES = {c.value[0]: c for c in grpc.StatusCode}


class Fail(Exception):
  pass


def expect(cond, msg):
  if not cond:
    raise Fail(msg)


def expect_eq(what, got, want):
  if got != want:
    g, w = (repr(got), repr(want))
    if len(g) > 200:
      g = g[:200] + "..."
    if len(w) > 200:
      w = w[:200] + "..."
    raise Fail(f"{what}: got {g}, want {w}")


def expect_error(fn, code, details=None):
  """Runs fn, which must raise grpc.RpcError with `code` (and exactly `details` if given)."""
  try:
    res = fn()
  except grpc.RpcError as e:
    expect(e.code() == code, f"want {code.name}, got {e.code().name}: {e.details()!r}")
    if details is not None:
      expect_eq("status message", e.details(), details)
    return e
  raise Fail(f"want {code.name}, but the call succeeded: {str(res)[:200]!r}")


def md_values(md, key):
  return [v for k, v in (md or ()) if k == key]


class Client:
  def __init__(self, target):
    self.target = target
    self.channel = grpc.insecure_channel(target)
    self.stub = P.interop_pb2_grpc.InteropServiceStub(self.channel)

  # --- scenarios -------------------------------------------------------------------------

  def unary(self):
    payload = bytes(range(256)) * 4
    resp = self.stub.Echo(pb.EchoRequest(message="hello", payload=payload))
    expect_eq("message", resp.message, "hello")
    expect_eq("payload", resp.payload, payload)
    expect_eq("index", resp.index, 0)
    expect_eq("request_encoding", resp.request_encoding, "identity")
    return "echo ok"

  def large_unary(self):
    size = 3 * MiB
    big = bytes((i * 7 + 3) % 251 for i in range(size))
    resp = self.stub.Echo(pb.EchoRequest(message="large", payload=big, response_size=size))
    expect_eq("message", resp.message, "large")
    expect_eq("response payload size", len(resp.payload), size)
    expect(resp.payload == b"a" * size, "response payload is not 3 MiB of 0x61")
    resp = self.stub.Echo(pb.EchoRequest(message="large-echo", payload=big))
    expect(resp.payload == big, f"3 MiB payload did not round-trip byte-exact (got {len(resp.payload)} bytes)")
    return "3 MiB request + 3 MiB response_size ok; 3 MiB echo byte-exact"

  def server_stream(self):
    call = self.stub.ServerStream(pb.StreamRequest(count=5, interval_ms=10, response_size=8))
    items = list(call)
    expect_eq("item count", len(items), 5)
    for i, it in enumerate(items):
      expect_eq(f"item {i} message", it.message, f"item-{i}")
      expect_eq(f"item {i} index", it.index, i)
      expect_eq(f"item {i} payload", it.payload, b"a" * 8)
    expect_eq("status", call.code(), Code.OK)
    return "5 items in order, OK"

  def server_stream_error(self):
    call = self.stub.ServerStream(pb.StreamRequest(
      count=2, final_status=pb.ResponseStatus(code=10, message="aborted after 2")))
    items = []

    def read_all():
      for it in call:
        items.append(it)
    expect_error(read_all, Code.ABORTED, "aborted after 2")
    expect_eq("items before the error", [(i.message, i.index) for i in items], [("item-0", 0), ("item-1", 1)])
    return "2 items then ABORTED 'aborted after 2'"

  def client_stream(self):
    reqs = [pb.EchoRequest(message=m) for m in ("a", "b", "c", "d")]
    resp = self.stub.ClientStream(iter(reqs))
    expect_eq("message", resp.message, "a,b,c,d")
    expect_eq("index", resp.index, 4)
    expect_eq("payload", resp.payload, b"")
    return "a,b,c,d / 4"

  def duplex(self):
    q = queue.Queue()

    def requests():
      while True:
        r = q.get()
        if r is None:
          return
        yield r
    call = self.stub.Duplex(requests())
    try:
      for i in range(3):
        q.put(pb.EchoRequest(message=f"ping-{i}"))
        resp = next(call)
        expect_eq(f"response {i} message", resp.message, f"ping-{i}")
        expect_eq(f"response {i} index", resp.index, i)
        expect_eq(f"response {i} request_encoding", resp.request_encoding, "identity")
      q.put(None)  # half-close
      rest = list(call)
      expect_eq("responses after half-close", len(rest), 0)
      expect_eq("status", call.code(), Code.OK)
    finally:
      q.put(None)
      call.cancel()
    return "3 lock-step round trips, half-close, OK"

  def status_unicode(self):
    msg = "bad name: fail \u2713 100%"
    expect_error(lambda: self.stub.Echo(pb.EchoRequest(
      respond_with_status=pb.ResponseStatus(code=3, message=msg))), Code.INVALID_ARGUMENT, msg)
    return "INVALID_ARGUMENT with exact unicode message"

  def status_all_codes(self):
    for n in range(1, 17):
      expect_error(lambda: self.stub.Echo(pb.EchoRequest(
        respond_with_status=pb.ResponseStatus(code=n, message=f"code {n}"))), CODES[n], f"code {n}")
    return "codes 1..16 round-trip"

  def status_details(self):
    msg = "request is invalid"
    e = expect_error(lambda: self.stub.Echo(pb.EchoRequest(
      respond_with_status=pb.ResponseStatus(code=3, message=msg, with_details=True))),
      Code.INVALID_ARGUMENT, msg)
    raw = md_values(e.trailing_metadata(), "grpc-status-details-bin")
    expect_eq("grpc-status-details-bin trailer count", len(raw), 1)
    st = P.status_pb2.Status.FromString(raw[0])
    expect_eq("Status.code", st.code, 3)
    expect_eq("Status.message", st.message, msg)
    expect_eq("Status.details count", len(st.details), 1)
    expect_eq("details[0].type_url", st.details[0].type_url, "type.googleapis.com/google.rpc.BadRequest")
    bad = P.error_details_pb2.BadRequest()
    expect(st.details[0].Unpack(bad), "details[0] does not unpack as BadRequest")
    expect_eq("field violations", [(v.field, v.description) for v in bad.field_violations],
              [("message", "must not be empty")])
    return "google.rpc.Status with BadRequest decoded"

  def deadline(self):
    t0 = time.monotonic()
    expect_error(lambda: self.stub.Echo(pb.EchoRequest(message="slow", delay_ms=5000), timeout=0.3),
                 Code.DEADLINE_EXCEEDED)
    took = time.monotonic() - t0
    expect(took < 2.5, f"DEADLINE_EXCEEDED only after {took:.2f}s (timeout was 0.3s)")
    return f"DEADLINE_EXCEEDED after {took * 1000:.0f} ms"

  def cancel(self):
    call = self.stub.ServerStream(pb.StreamRequest(count=100, interval_ms=50))
    first = next(call)
    expect_eq("first item", (first.message, first.index), ("item-0", 0))
    t0 = time.monotonic()
    call.cancel()
    expect_error(lambda: next(call), Code.CANCELLED)
    expect_eq("call code", call.code(), Code.CANCELLED)
    return f"CANCELLED {1000 * (time.monotonic() - t0):.0f} ms after cancel()"

  ECHO_MD = [("x-grpc-test-echo-initial", "hello-initial"),
             ("x-grpc-test-echo-trailing-bin", b"\x00\x01\xfe\xff"),
             ("x-custom", "v1")]

  def check_echoed_md(self, what, initial, trailing):
    expect_eq(f"{what}: initial x-grpc-test-echo-initial", md_values(initial, "x-grpc-test-echo-initial"),
              ["hello-initial"])
    expect_eq(f"{what}: trailing x-grpc-test-echo-trailing-bin",
              md_values(trailing, "x-grpc-test-echo-trailing-bin"), [b"\x00\x01\xfe\xff"])

  def metadata(self):
    resp, call = self.stub.Echo.with_call(pb.EchoRequest(message="md"), metadata=self.ECHO_MD)
    expect_eq("message", resp.message, "md")
    self.check_echoed_md("Echo", call.initial_metadata(), call.trailing_metadata())
    return "initial + binary trailing echoed; x-custom accepted"

  def metadata_streams(self):
    call = self.stub.ServerStream(pb.StreamRequest(count=1), metadata=self.ECHO_MD)
    items = list(call)
    expect_eq("ServerStream items", len(items), 1)
    self.check_echoed_md("ServerStream", call.initial_metadata(), call.trailing_metadata())
    resp, call = self.stub.ClientStream.with_call(iter([pb.EchoRequest(message="x")]), metadata=self.ECHO_MD)
    expect_eq("ClientStream message", resp.message, "x")
    self.check_echoed_md("ClientStream", call.initial_metadata(), call.trailing_metadata())
    call = self.stub.Duplex(iter([pb.EchoRequest(message="y")]), metadata=self.ECHO_MD)
    items = list(call)
    expect_eq("Duplex messages", [i.message for i in items], ["y"])
    self.check_echoed_md("Duplex", call.initial_metadata(), call.trailing_metadata())
    return "echoed on ServerStream, ClientStream, Duplex"

  def gzip(self):
    # The payload must be compressible: C-core sends a message uncompressed (flag 0) when
    # gzip would not make it smaller.
    payload = b"z" * 4096
    with grpc.insecure_channel(self.target, compression=grpc.Compression.Gzip) as ch:
      stub = P.interop_pb2_grpc.InteropServiceStub(ch)
      resp = stub.Echo(pb.EchoRequest(message="gzip", payload=payload))
    expect_eq("request_encoding", resp.request_encoding, "gzip")
    expect_eq("payload", resp.payload, payload)
    return "server saw grpc-encoding gzip"

  def unimplemented(self):
    for path in ("/danvan.interop.v1.InteropService/NoSuchMethod", "/no.Such/Service"):
      expect_error(lambda: self.channel.unary_unary(path)(b"\x0a\x01x"), Code.UNIMPLEMENTED)
    return "unknown method and unknown service -> UNIMPLEMENTED"

  def health(self):
    stub = P.health_pb2_grpc.HealthStub(self.channel)
    SERVING = health_pb2.HealthCheckResponse.SERVING
    for svc in ("", SERVICE):
      resp = stub.Check(health_pb2.HealthCheckRequest(service=svc))
      expect_eq(f"Check({svc!r})", health_pb2.HealthCheckResponse.ServingStatus.Name(resp.status), "SERVING")
    expect_error(lambda: stub.Check(health_pb2.HealthCheckRequest(service="no.such.Service")), Code.NOT_FOUND)
    call = stub.Watch(health_pb2.HealthCheckRequest(service=""))
    try:
      first = next(call)
      expect_eq("Watch('') first status", first.status, SERVING)
    finally:
      call.cancel()
    return "Check x3 + Watch ok"

  def _reflection(self, r_pb2, r_grpc, version):
    stub = r_grpc.ServerReflectionStub(self.channel)
    q = queue.Queue()

    def requests():
      while True:
        r = q.get()
        if r is None:
          return
        yield r
    call = stub.ServerReflectionInfo(requests())

    def ask(**kw):
      q.put(r_pb2.ServerReflectionRequest(**kw))
      return next(call)
    try:
      resp = ask(list_services="*")
      expect_eq("list_services response kind", resp.WhichOneof("message_response"), "list_services_response")
      names = [s.name for s in resp.list_services_response.service]
      for want in (SERVICE, "grpc.health.v1.Health", f"grpc.reflection.{version}.ServerReflection"):
        expect(want in names, f"list_services lacks {want}: {names}")

      def interop_file(resp, what):
        expect_eq(f"{what} response kind", resp.WhichOneof("message_response"), "file_descriptor_response")
        files = [descriptor_pb2.FileDescriptorProto.FromString(b)
                 for b in resp.file_descriptor_response.file_descriptor_proto]
        mine = [f for f in files if f.name.endswith("interop.proto")]
        expect_eq(f"{what}: files named *interop.proto", len(mine), 1)
        f = mine[0]
        expect_eq(f"{what}: package", f.package, "danvan.interop.v1")
        svcs = [s for s in f.service if s.name == "InteropService"]
        expect_eq(f"{what}: InteropService declarations", len(svcs), 1)
        methods = [(m.name, m.input_type, m.output_type, m.client_streaming, m.server_streaming)
                   for m in svcs[0].method]
        expect_eq(f"{what}: methods", sorted(methods), sorted([
          ("Echo", ".danvan.interop.v1.EchoRequest", ".danvan.interop.v1.EchoResponse", False, False),
          ("ServerStream", ".danvan.interop.v1.StreamRequest", ".danvan.interop.v1.EchoResponse", False, True),
          ("ClientStream", ".danvan.interop.v1.EchoRequest", ".danvan.interop.v1.EchoResponse", True, False),
          ("Duplex", ".danvan.interop.v1.EchoRequest", ".danvan.interop.v1.EchoResponse", True, True),
        ]))
        return f

      by_symbol = interop_file(ask(file_containing_symbol=SERVICE), "file_containing_symbol")
      by_name = interop_file(ask(file_by_filename=by_symbol.name), "file_by_filename")
      expect(by_name == by_symbol, "file_by_filename returned a different descriptor than file_containing_symbol")
      resp = ask(file_containing_symbol="no.Such")
      expect_eq("unknown symbol response kind", resp.WhichOneof("message_response"), "error_response")
      expect_eq("unknown symbol error_code", resp.error_response.error_code, 5)
      q.put(None)
      rest = list(call)
      expect_eq("responses after half-close", len(rest), 0)
      expect_eq("status", call.code(), Code.OK)
    finally:
      q.put(None)
      call.cancel()
    return f"list_services, file_containing_symbol, file_by_filename ({by_symbol.name}), NOT_FOUND ok"

  def reflection_v1(self):
    return self._reflection(P.refl_v1_pb2, P.refl_v1_pb2_grpc, "v1")

  def reflection_v1alpha(self):
    return self._reflection(P.refl_v1alpha_pb2, P.refl_v1alpha_pb2_grpc, "v1alpha")

  def too_large(self):
    # self.channel keeps grpcio's default max receive size (4 MiB).
    e = expect_error(lambda: self.stub.Echo(pb.EchoRequest(message="big", response_size=5 * MiB)),
                     Code.RESOURCE_EXHAUSTED)
    return f"RESOURCE_EXHAUSTED: {e.details()}"


SCENARIOS = [
  "unary", "large_unary", "server_stream", "server_stream_error", "client_stream", "duplex",
  "status_unicode", "status_all_codes", "status_details", "deadline", "cancel", "metadata",
  "metadata_streams", "gzip", "unimplemented", "health", "reflection_v1", "reflection_v1alpha",
  "too_large",
]


def run_one(client, name):
  result = {}

  def body():
    try:
      result["detail"] = getattr(client, name)()
      result["ok"] = True
    except Fail as e:
      result["ok"], result["detail"] = False, str(e)
    except grpc.RpcError as e:
      result["ok"], result["detail"] = False, f"unexpected RPC error {e.code().name}: {e.details()!r}"
    except Exception as e:  # noqa: BLE001
      result["ok"], result["detail"] = False, f"{type(e).__name__}: {e}"
  t = threading.Thread(target=body, daemon=True)
  t.start()
  t.join(SCENARIO_TIMEOUT_S)
  if t.is_alive():
    return False, f"timed out after {SCENARIO_TIMEOUT_S}s"
  return result["ok"], result["detail"]


def parse_list(value, what):
  names = [n.strip() for n in value.split(",") if n.strip()] if value else []
  bad = [n for n in names if n not in SCENARIOS]
  if bad:
    print(f"interop_client: unknown {what} scenario(s): {','.join(bad)}; known: all,{','.join(SCENARIOS)}",
          file=sys.stderr)
    sys.exit(2)
  return names


def main():
  ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  ap.add_argument("--target", required=True, help="HOST:PORT of the server")
  ap.add_argument("--scenario", required=True, help="all, a scenario name, or a comma-separated list")
  ap.add_argument("--skip", default="", help="comma-separated scenarios to report as skipped")
  args = ap.parse_args()
  wanted = SCENARIOS if args.scenario == "all" else parse_list(args.scenario, "--scenario")
  skip = set(parse_list(args.skip, "--skip"))
  if not wanted:
    ap.error("no scenario given")
  client = Client(args.target)
  all_ok = True
  for name in wanted:
    if name in skip:
      ok, detail = True, "skipped"
    else:
      ok, detail = run_one(client, name)
    all_ok = all_ok and ok
    print(json.dumps({"scenario": name, "ok": ok, "detail": detail}), flush=True)
  sys.stdout.flush()
  # os._exit: a scenario that timed out may have left a thread blocked inside grpc.
  shutil.rmtree(P.out_dir, ignore_errors=True)
  os._exit(0 if all_ok else 1)


if __name__ == "__main__":
  main()
