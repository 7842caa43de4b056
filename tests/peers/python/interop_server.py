#!/usr/bin/python3
"""Stock python-grpcio (C-core) interop server for danvan.interop.v1.InteropService.

Usage: /usr/bin/python3 tests/peers/python/interop_server.py --port 0 [--log-headers]

Serves InteropService and grpc.health.v1.Health on 127.0.0.1:<port> (0 = pick a free port),
prints exactly one line "READY <port>" once serving, and exits cleanly on SIGTERM/SIGINT or
when stdin (if it is a pipe or socket) reaches end-of-file.

request_encoding: grpcio (C-core) strips grpc-encoding from the metadata it hands to the
application, so the server cannot read that header. It therefore turns the core's per-message
decompression off and decompresses itself, reporting "gzip" / "deflate" when the message
bytes on the wire were gzip / zlib data and "identity" otherwise. Consequence: a request sent
with "grpc-encoding: gzip" whose message has the compressed flag 0 (legal; C-core does this
when compression would not shrink the message) is reported as "identity".
"""

import argparse
import json
import os
import shutil
import signal
import stat
import sys
import threading
import zlib
from concurrent import futures

import grpc

import peer_protos

P = peer_protos.load()
pb = P.interop_pb2
health_pb2 = P.health_pb2

MAX_MESSAGE = 16 * 1024 * 1024
ECHO_INITIAL = "x-grpc-test-echo-initial"
ECHO_TRAILING = "x-grpc-test-echo-trailing-bin"
DETAILS_KEY = "grpc-status-details-bin"
SERVICE = "danvan.interop.v1.InteropService"
HEALTH_SERVICE = "grpc.health.v1.Health"
CODES = {c.value[0]: c for c in grpc.StatusCode}
HEALTH = {"": health_pb2.HealthCheckResponse.SERVING, SERVICE: health_pb2.HealthCheckResponse.SERVING}

LOG_HEADERS = False


def log_headers(ctx, method):
  if not LOG_HEADERS:
    return
  md = [[k, v.hex() if isinstance(v, bytes) else v] for k, v in ctx.invocation_metadata()]
  print(json.dumps({"method": method, "metadata": md, "peer": ctx.peer()}), file=sys.stderr, flush=True)


def decode(msg_type, raw, ctx):
  """Decompresses (if the bytes are gzip/zlib data) and parses one request message."""
  encoding = "identity"
  data = raw
  wbits = None
  if len(raw) >= 2 and raw[0] == 0x1F and raw[1] == 0x8B:
    # Never a valid protobuf start: 0x1f is field 3 with wire type 7.
    encoding, wbits = "gzip", 31
  elif len(raw) >= 2 and (raw[0] & 0x0F) == 8 and (raw[0] >> 4) <= 7 and ((raw[0] << 8) | raw[1]) % 31 == 0:
    encoding, wbits = "deflate", 15
  if wbits is not None:
    try:
      d = zlib.decompressobj(wbits)
      data = d.decompress(raw, MAX_MESSAGE + 1)
      complete = d.eof and not d.unused_data
    except zlib.error:
      complete = False
    if encoding == "deflate" and not complete:
      encoding, data = "identity", raw  # not zlib after all: a plain protobuf message
    elif len(data) > MAX_MESSAGE:
      ctx.abort(grpc.StatusCode.RESOURCE_EXHAUSTED,
                f"Received message that decompresses to a size larger than {MAX_MESSAGE}")
    elif not complete:
      ctx.abort(grpc.StatusCode.INTERNAL, f"Failed to decompress {encoding}-encoded message")
  try:
    return msg_type.FromString(data), encoding
  except Exception:  # noqa: BLE001 - same text grpcio uses for undecodable requests
    ctx.abort(grpc.StatusCode.INTERNAL, "Exception deserializing request!")


def echo_metadata(ctx):
  """Sends x-grpc-test-echo-initial back as initial metadata; returns the trailers to echo."""
  md = ctx.invocation_metadata()
  initial = [(k, v) for k, v in md if k == ECHO_INITIAL]
  trailing = [(k, v) for k, v in md if k == ECHO_TRAILING]
  if initial:
    ctx.send_initial_metadata(initial)
  return trailing


def status_details(code, message):
  bad = P.error_details_pb2.BadRequest(field_violations=[
    P.error_details_pb2.BadRequest.FieldViolation(field="message", description="must not be empty")])
  st = P.status_pb2.Status(code=code, message=message)
  st.details.add().Pack(bad)  # type_url type.googleapis.com/google.rpc.BadRequest
  return st.SerializeToString()


def end_with_status(ctx, st, trailing):
  """Ends the call with ResponseStatus `st`. Raises (abort) unless the code is OK."""
  md = list(trailing)
  if st.with_details:
    md.append((DETAILS_KEY, status_details(st.code, st.message)))
  if md:
    ctx.set_trailing_metadata(md)
  code = CODES.get(st.code, grpc.StatusCode.UNKNOWN)
  if code == grpc.StatusCode.OK:
    ctx.set_code(code)
    ctx.set_details(st.message)
    return
  ctx.abort(code, st.message)


def terminated_event(ctx):
  ev = threading.Event()
  if not ctx.add_callback(ev.set):
    ev.set()
  return ev


def make_response(req, encoding, index):
  payload = b"a" * req.response_size if req.response_size > 0 else req.payload
  return pb.EchoResponse(message=req.message, payload=payload, index=index, request_encoding=encoding)


def echo(raw, ctx):
  log_headers(ctx, "Echo")
  trailing = echo_metadata(ctx)
  req, enc = decode(pb.EchoRequest, raw, ctx)
  if req.HasField("respond_with_status"):
    end_with_status(ctx, req.respond_with_status, trailing)
    return pb.EchoResponse()
  if req.delay_ms > 0 and terminated_event(ctx).wait(req.delay_ms / 1000.0):
    return pb.EchoResponse()  # cancelled or deadline exceeded: nobody reads this
  if trailing:
    ctx.set_trailing_metadata(trailing)
  return make_response(req, enc, 0)


def server_stream(raw, ctx):
  log_headers(ctx, "ServerStream")
  trailing = echo_metadata(ctx)
  req, _ = decode(pb.StreamRequest, raw, ctx)
  done = terminated_event(ctx)
  payload = b"a" * req.response_size if req.response_size > 0 else b""
  for i in range(req.count):
    if i > 0 and req.interval_ms > 0 and done.wait(req.interval_ms / 1000.0):
      return
    if done.is_set():
      return
    yield pb.EchoResponse(message=f"item-{i}", payload=payload, index=i)
  if req.HasField("final_status"):
    end_with_status(ctx, req.final_status, trailing)
  elif trailing:
    ctx.set_trailing_metadata(trailing)


def client_stream(raw_iter, ctx):
  log_headers(ctx, "ClientStream")
  trailing = echo_metadata(ctx)
  messages, total, encoding = [], 0, "identity"
  for raw in raw_iter:
    req, enc = decode(pb.EchoRequest, raw, ctx)
    if enc != "identity":
      encoding = enc
    if req.HasField("respond_with_status"):
      end_with_status(ctx, req.respond_with_status, trailing)
      return pb.EchoResponse()
    messages.append(req.message)
    total += len(req.payload)
  if trailing:
    ctx.set_trailing_metadata(trailing)
  return pb.EchoResponse(message=",".join(messages), payload=b"a" * total, index=len(messages),
                         request_encoding=encoding)


def duplex(raw_iter, ctx):
  log_headers(ctx, "Duplex")
  trailing = echo_metadata(ctx)
  seq = 0
  for raw in raw_iter:
    req, enc = decode(pb.EchoRequest, raw, ctx)
    if req.HasField("respond_with_status"):
      end_with_status(ctx, req.respond_with_status, trailing)
      return
    yield make_response(req, enc, seq)
    seq += 1
  if trailing:
    ctx.set_trailing_metadata(trailing)


def health_check(raw, ctx):
  log_headers(ctx, "Health/Check")
  req, _ = decode(health_pb2.HealthCheckRequest, raw, ctx)
  if req.service not in HEALTH:
    ctx.abort(grpc.StatusCode.NOT_FOUND, "unknown service")
  return health_pb2.HealthCheckResponse(status=HEALTH[req.service])


def health_watch(raw, ctx):
  log_headers(ctx, "Health/Watch")
  req, _ = decode(health_pb2.HealthCheckRequest, raw, ctx)
  done = terminated_event(ctx)
  yield health_pb2.HealthCheckResponse(
    status=HEALTH.get(req.service, health_pb2.HealthCheckResponse.SERVICE_UNKNOWN))
  done.wait()  # statuses never change: hold the stream open until the client goes away


def serialize(msg):
  return msg.SerializeToString()


def main():
  global LOG_HEADERS
  ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  ap.add_argument("--port", type=int, default=0, help="port on 127.0.0.1; 0 picks a free one")
  ap.add_argument("--log-headers", action="store_true",
                  help="log each call's metadata (as grpcio exposes it) as JSON on stderr")
  args = ap.parse_args()
  LOG_HEADERS = args.log_headers

  server = grpc.server(
    futures.ThreadPoolExecutor(max_workers=128),
    options=[
      ("grpc.max_receive_message_length", MAX_MESSAGE),
      ("grpc.max_send_message_length", MAX_MESSAGE),
      ("grpc.per_message_decompression", 0),  # see module docstring: we decompress ourselves
      ("grpc.so_reuseport", 0),
    ])
  # request_deserializer is left unset everywhere: handlers get the raw (possibly compressed) bytes.
  server.add_generic_rpc_handlers((
    grpc.method_handlers_generic_handler(SERVICE, {
      "Echo": grpc.unary_unary_rpc_method_handler(echo, response_serializer=serialize),
      "ServerStream": grpc.unary_stream_rpc_method_handler(server_stream, response_serializer=serialize),
      "ClientStream": grpc.stream_unary_rpc_method_handler(client_stream, response_serializer=serialize),
      "Duplex": grpc.stream_stream_rpc_method_handler(duplex, response_serializer=serialize),
    }),
    grpc.method_handlers_generic_handler(HEALTH_SERVICE, {
      "Check": grpc.unary_unary_rpc_method_handler(health_check, response_serializer=serialize),
      "Watch": grpc.unary_stream_rpc_method_handler(health_watch, response_serializer=serialize),
    }),
  ))
  try:
    port = server.add_insecure_port(f"127.0.0.1:{args.port}")
  except RuntimeError as e:
    sys.exit(f"interop_server: cannot listen on 127.0.0.1:{args.port}: {e}")
  if port == 0:
    sys.exit(f"interop_server: cannot listen on 127.0.0.1:{args.port}")
  server.start()

  stop = threading.Event()
  signal.signal(signal.SIGTERM, lambda *_: stop.set())
  signal.signal(signal.SIGINT, lambda *_: stop.set())
  mode = os.fstat(0).st_mode if not sys.stdin.closed else 0
  if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
    def watch_stdin():
      try:
        while os.read(0, 65536):
          pass
      except OSError:
        pass
      stop.set()
    threading.Thread(target=watch_stdin, daemon=True).start()

  print(f"READY {port}", flush=True)
  while not stop.wait(0.5):
    pass
  server.stop(grace=1).wait(5)
  sys.stdout.flush()
  sys.stderr.flush()
  shutil.rmtree(P.out_dir, ignore_errors=True)
  os._exit(0)


if __name__ == "__main__":
  main()
