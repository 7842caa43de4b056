#!/usr/bin/python3
"""A minimal danvan.host.v1 e-office host in python-grpcio, the second implementation the vendor
conformance kit (tests/DanVan.Plugins.Conformance) is run against.

Usage: DANVAN_HOST_TOKEN=<token> /usr/bin/python3 tests/peers/python/minimal_host/minimal_host.py --port 0

Serves DirectoryService, DocumentsService and NotificationsService on 127.0.0.1:<port> (0 = a free
port) for callers presenting "authorization: Bearer <token>" (default token: danvan-dev-host-token),
prints exactly one line "READY <port>" once serving, and exits on SIGTERM/SIGINT or when stdin (a pipe)
reaches end-of-file. Stubs are generated from protos/ at start (host_protos.py).
"""

import argparse
import base64
import datetime
import hashlib
import hmac
import os
import re
import shutil
import signal
import stat
import sys
import threading
import unicodedata
import uuid
from concurrent import futures

import grpc
from google.protobuf import any_pb2, timestamp_pb2

import host_protos
import minimal_data as data

P = host_protos.load()
common = P.common_pb2
d_pb = P.directory_pb2
ds_pb = P.directory_service_pb2
doc_pb = P.documents_pb2
docs_pb = P.documents_service_pb2
n_pb = P.notifications_service_pb2

MAX_PAGE = 1000
CHUNK = 64 * 1024
VN = datetime.timezone(datetime.timedelta(hours=7))
DETAILS_KEY = "grpc-status-details-bin"
KEY_PATTERN = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
ABBREVIATIONS = {"ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "mttq": "mat tran to quoc", "tp": "thanh pho"}
WEB = "https://eoffice-dong-thap.example.vn"


# ---- text ---------------------------------------------------------------------------------------

def fold(text):
  """Lower case, no diacritics, đ as d, single spaces."""
  out = []
  for c in unicodedata.normalize("NFD", text or ""):
    if unicodedata.category(c) == "Mn":
      continue
    out.append("d" if c in "đĐ" else c.lower())
  return " ".join("".join(out).split())


def name_key(text):
  words = re.sub(r"[^\w]+", " ", fold(text)).split()
  return " ".join(ABBREVIATIONS.get(w, w) for w in words)


# ---- errors -------------------------------------------------------------------------------------

def invalid(ctx, message, *fields):
  bad = P.error_details_pb2.BadRequest()
  for field in fields:
    bad.field_violations.add(field=field, description=message)
  detail = any_pb2.Any()
  detail.Pack(bad)
  status = P.status_pb2.Status(code=grpc.StatusCode.INVALID_ARGUMENT.value[0], message=message, details=[detail])
  ctx.set_trailing_metadata(((DETAILS_KEY, status.SerializeToString()),))
  ctx.abort(grpc.StatusCode.INVALID_ARGUMENT, message)


def require_id(ctx, value, field):
  if not value.strip():
    invalid(ctx, f"{field} là bắt buộc.", field)
  return value


def found(ctx, value, kind, ident):
  if value is None:
    ctx.abort(grpc.StatusCode.NOT_FOUND, f"Không tìm thấy {kind} \"{ident}\".")
  return value


# ---- dates and paging ---------------------------------------------------------------------------

def today():
  return datetime.datetime.now(VN).date()


def read_date(ctx, msg, field):
  if not msg.HasField(field):
    return None
  d = getattr(msg, field)
  try:
    return datetime.date(d.year, d.month, d.day)
  except ValueError:
    invalid(ctx, f"{field} không phải ngày hợp lệ.", field)


def to_date(d):
  return None if d is None else datetime.date(*d)


def proto_date(d):
  return common.Date(year=d[0], month=d[1], day=d[2])


def valid_on(unit, day):
  start = to_date((unit.valid_from.year, unit.valid_from.month, unit.valid_from.day)) if unit.HasField("valid_from") else None
  end = to_date((unit.valid_to.year, unit.valid_to.month, unit.valid_to.day)) if unit.HasField("valid_to") else None
  return (start is None or start <= day) and (end is None or day <= end)


def page(ctx, request, items, default_size):
  if request.page_size < 0:
    invalid(ctx, "page_size không được âm.", "page_size")
  size = default_size if request.page_size == 0 else min(request.page_size, MAX_PAGE)
  filters = type(request)()
  filters.CopyFrom(request)
  filters.page_size = 0
  filters.page_token = ""
  digest = hashlib.sha256(filters.SerializeToString(deterministic=True)).hexdigest()[:16]
  offset = 0
  if request.page_token:
    try:
      version, token_digest, raw = base64.urlsafe_b64decode(request.page_token.encode() + b"==").decode().split(".")
      offset = int(raw)
    except (ValueError, UnicodeDecodeError):
      invalid(ctx, "page_token không hợp lệ.", "page_token")
    if version != "v1" or token_digest != digest or offset <= 0:
      invalid(ctx, "page_token không hợp lệ hoặc được cấp cho bộ lọc khác.", "page_token")
  chunk = items[offset:offset + size]
  end = offset + len(chunk)
  token = base64.urlsafe_b64encode(f"v1.{digest}.{end}".encode()).decode().rstrip("=") if end < len(items) else ""
  return chunk, token, len(items)


# ---- data ---------------------------------------------------------------------------------------

def stamp(text):
  ts = timestamp_pb2.Timestamp()
  ts.FromJsonString(text)
  return ts


def build_units():
  units = {}
  for (uid, parent, typ, level, full, short, start, end, others) in data.UNITS:
    u = d_pb.OrgUnit(id=uid, parent_id=parent, type=d_pb.OrgUnitType.Value("ORG_UNIT_TYPE_" + typ),
                     level=d_pb.AdministrativeLevel.Value("ADMINISTRATIVE_LEVEL_" + level), full_name=full, short_name=short,
                     other_names=others, type_label=data.TYPE_LABELS.get(uid, ""), update_time=stamp("2025-07-01T00:00:00Z"),
                     deep_link=common.DeepLink(url=f"{WEB}/don-vi/{uid}", title=short))
    if start:
      u.valid_from.CopyFrom(proto_date(start))
    if end:
      u.valid_to.CopyFrom(proto_date(end))
    units[uid] = u
  for (src, dst, kind) in data.SUCCESSIONS:
    units[src].successors.add(org_unit_id=dst, effective_date=proto_date(data.REFORM),
                              kind=d_pb.SuccessionKind.Value("SUCCESSION_KIND_" + kind), note=data.DISTRICT_END)
    units[dst].predecessor_ids.append(src)
  ordered = []

  def visit(unit, path):
    unit.ancestors.extend(path)
    ordered.append(unit)
    ref = d_pb.OrgUnitRef(org_unit_id=unit.id, name=unit.short_name or unit.full_name, type=unit.type)
    for child in [u for u in units.values() if u.parent_id == unit.id]:
      visit(child, path + [ref])

  for root in [u for u in units.values() if not u.parent_id]:
    visit(root, [])
  return ordered, units


def build_users():
  users = []
  for (uid, name, login, position, primary, active, roles) in data.USERS:
    u = d_pb.User(id=uid, full_name=name, username=login, position=position, primary_org_unit_id=primary, active=active,
                  update_time=stamp("2025-07-01T00:00:00Z"))
    for role, unit in roles:
      u.role_assignments.add(role=d_pb.Role.Value("ROLE_" + role), org_unit_id=unit)
    users.append(u)
  return users


def build_documents():
  documents, contents, received = [], {}, {}
  for spec in data.DOCUMENTS:
    d = doc_pb.Document(
      id=spec["id"], direction=doc_pb.DocumentDirection.Value("DOCUMENT_DIRECTION_" + spec["direction"]),
      status=doc_pb.DocumentStatus.Value("DOCUMENT_STATUS_" + spec["status"]), issuer_org_unit_id=spec["issuer_org_unit_id"],
      issuer_name=spec["issuer_name"], number=spec["number"], notation=spec["notation"], code_as_printed=spec["code_as_printed"],
      kind=doc_pb.DocumentKind.Value("DOCUMENT_KIND_" + spec["kind"]), kind_name=spec["kind_name"], place=spec["place"],
      subject=spec["subject"], full_text=spec["full_text"], text_format=doc_pb.TextFormat.Value("TEXT_FORMAT_" + spec["text_format"]),
      urgency=doc_pb.DOCUMENT_URGENCY_NORMAL, confidentiality=doc_pb.DOCUMENT_CONFIDENTIALITY_NONE,
      create_time=stamp(spec["created"]), update_time=stamp(spec["created"]),
      deep_link=common.DeepLink(url=f"{WEB}/van-ban/{spec['id']}", title=spec["subject"]))
    if spec["issue_date"]:
      d.issue_date.CopyFrom(proto_date(spec["issue_date"]))
    if spec["signer"]:
      name, position, authority = spec["signer"]
      d.signer.CopyFrom(doc_pb.Signer(full_name=name, position=position, authority=authority))
    for text in spec["addressees"]:
      d.addressees.add(text=text)
    for text, purpose in spec["recipients"]:
      d.recipients.add(text=text, purpose=doc_pb.RecipientPurpose.Value("RECIPIENT_PURPOSE_" + purpose))
    for i, (name, media, size) in enumerate(spec["files"], 1):
      content = bytes((j * 31 + i) % 251 for j in range(size))
      aid = f"{spec['id']}-tep-{i}"
      d.attachments.add(id=aid, document_id=d.id, file_name=name, media_type=media, size_bytes=size,
                        sha256=hashlib.sha256(content).hexdigest(), role=doc_pb.ATTACHMENT_ROLE_MAIN, create_time=d.create_time)
      contents[aid] = content
    received[d.id] = set(spec["received_by"])
    documents.append(d)
  return documents, contents, received


ORDERED_UNITS, UNITS = build_units()
USERS = build_users()
USERS_BY_ID = {u.id: u for u in USERS}
DOCUMENTS, CONTENTS, RECEIVED = build_documents()
DOCUMENTS_BY_ID = {d.id: d for d in DOCUMENTS}
ATTACHMENTS = {a.id: a for d in DOCUMENTS for a in d.attachments}


def descendants(unit_id):
  out = []
  for u in ORDERED_UNITS:
    if any(a.org_unit_id == unit_id for a in u.ancestors):
      out.append(u)
  return out


def names(unit):
  return [n for n in [unit.full_name, unit.short_name, *unit.other_names] if n]


# ---- services -----------------------------------------------------------------------------------

class Directory(P.directory_service_pb2_grpc.DirectoryServiceServicer):

  def GetOrgUnit(self, request, ctx):
    uid = require_id(ctx, request.org_unit_id, "org_unit_id")
    return ds_pb.GetOrgUnitResponse(org_unit=found(ctx, UNITS.get(uid), "đơn vị", uid))

  def ListOrgUnits(self, request, ctx):
    as_of = read_date(ctx, request, "as_of")
    units = ORDERED_UNITS
    if request.parent_id:
      found(ctx, UNITS.get(request.parent_id), "đơn vị cha", request.parent_id)
      units = descendants(request.parent_id) if request.include_descendants else [u for u in units if u.parent_id == request.parent_id]
    if as_of is not None:
      units = [u for u in units if valid_on(u, as_of)]
    elif not request.include_dissolved:
      units = [u for u in units if valid_on(u, today())]
    if request.types:
      units = [u for u in units if u.type in request.types]
    if request.name_query:
      q, k = fold(request.name_query), name_key(request.name_query)
      units = [u for u in units if any(q in fold(n) or (k and k in name_key(n)) for n in names(u))]
    items, token, total = page(ctx, request, units, 100)
    return ds_pb.ListOrgUnitsResponse(org_units=items, next_page_token=token, total_size=total)

  def ResolveOrgUnit(self, request, ctx):
    if not request.text.strip():
      invalid(ctx, "text là bắt buộc.", "text")
    as_of = read_date(ctx, request, "as_of") or today()
    succ_as_of = read_date(ctx, request, "successors_as_of") or today()
    if request.context_org_unit_id:
      found(ctx, UNITS.get(request.context_org_unit_id), "đơn vị ngữ cảnh", request.context_org_unit_id)
    if request.max_candidates < 0:
      invalid(ctx, "max_candidates không được âm.", "max_candidates")
    key = name_key(request.text)
    scored = []
    for order, unit in enumerate(ORDERED_UNITS):
      if not valid_on(unit, as_of) or (request.types and unit.type not in request.types):
        continue
      best = (0.0, "")
      for n in names(unit):
        nk = name_key(n)
        score = 1.0 if nk == key else 0.6 if key and (f" {key} " in f" {nk} " or f" {nk} " in f" {key} ") else 0.0
        if score > best[0]:
          best = (score, n)
      if best[0] > 0:
        scored.append((best[0], order, unit, best[1]))
    if sum(1 for s in scored if s[0] == 1.0) > 1:
      scored = [(0.8 if s[0] == 1.0 else s[0], *s[1:]) for s in scored]
    scored.sort(key=lambda s: (-s[0], s[1]))
    limit = 5 if request.max_candidates == 0 else min(request.max_candidates, 20)
    response = ds_pb.ResolveOrgUnitResponse()
    for score, _, unit, matched in scored[:limit]:
      c = response.candidates.add(org_unit=unit, confidence=score, matched_name=matched)
      if not valid_on(unit, succ_as_of):
        c.successors.extend(successors(unit, succ_as_of))
    return response

  def GetUser(self, request, ctx):
    uid = require_id(ctx, request.user_id, "user_id")
    return ds_pb.GetUserResponse(user=found(ctx, USERS_BY_ID.get(uid), "người dùng", uid))

  def ListUsers(self, request, ctx):
    scope = None
    if request.org_unit_id:
      found(ctx, UNITS.get(request.org_unit_id), "đơn vị", request.org_unit_id)
      scope = {request.org_unit_id} | ({u.id for u in descendants(request.org_unit_id)} if request.include_sub_units else set())
    users = [u for u in USERS if request.include_inactive or u.active]
    if scope is not None:
      users = [u for u in users if u.primary_org_unit_id in scope or any(a.org_unit_id in scope for a in u.role_assignments)]
    if request.roles:
      users = [u for u in users if any(a.role in request.roles and (scope is None or a.org_unit_id in scope) for a in u.role_assignments)]
    users.sort(key=lambda u: (fold(u.full_name), u.full_name, u.id))
    items, token, total = page(ctx, request, users, 100)
    return ds_pb.ListUsersResponse(users=items, next_page_token=token, total_size=total)


def successors(unit, day):
  out, seen, queue = [], {unit.id}, [unit]
  while queue:
    for link in queue.pop(0).successors:
      nxt = UNITS.get(link.org_unit_id)
      if nxt is None or nxt.id in seen:
        continue
      seen.add(nxt.id)
      (out if valid_on(nxt, day) else queue).append(nxt)
  return out


def basic(document):
  copy = doc_pb.Document()
  copy.CopyFrom(document)
  copy.full_text = ""
  return copy


def check_user(ctx, user_id):
  if user_id:
    found(ctx, USERS_BY_ID.get(user_id), "người dùng", user_id)


class Documents(P.documents_service_pb2_grpc.DocumentsServiceServicer):

  def GetDocument(self, request, ctx):
    did = require_id(ctx, request.document_id, "document_id")
    check_user(ctx, request.acting_user_id)
    document = found(ctx, DOCUMENTS_BY_ID.get(did), "văn bản", did)
    return docs_pb.GetDocumentResponse(document=basic(document) if request.view == docs_pb.DOCUMENT_VIEW_BASIC else document)

  def ListDocuments(self, request, ctx):
    start = read_date(ctx, request, "issued_from")
    end = read_date(ctx, request, "issued_to")
    if start and end and start > end:
      invalid(ctx, "issued_from sau issued_to.", "issued_from", "issued_to")
    for field in ("issuer_org_unit_id", "recipient_org_unit_id"):
      if getattr(request, field):
        found(ctx, UNITS.get(getattr(request, field)), "đơn vị", getattr(request, field))
    check_user(ctx, request.acting_user_id)
    q = fold(request.query)
    after = request.updated_after.ToDatetime() if request.HasField("updated_after") else None

    def issued(d):
      return datetime.date(d.issue_date.year, d.issue_date.month, d.issue_date.day) if d.HasField("issue_date") else None

    docs = []
    for d in DOCUMENTS:
      if not request.include_revoked and d.status in (doc_pb.DOCUMENT_STATUS_REVOKED, doc_pb.DOCUMENT_STATUS_REPLACED):
        continue
      if request.direction and d.direction != request.direction:
        continue
      if request.kinds and d.kind not in request.kinds:
        continue
      if request.issuer_org_unit_id and d.issuer_org_unit_id != request.issuer_org_unit_id:
        continue
      if request.recipient_org_unit_id and request.recipient_org_unit_id not in RECEIVED[d.id] \
          and all(r.org_unit_id != request.recipient_org_unit_id for r in [*d.addressees, *d.recipients]):
        continue
      if (start or end) and (issued(d) is None or (start and issued(d) < start) or (end and issued(d) > end)):
        continue
      if after is not None and d.update_time.ToDatetime() <= after:
        continue
      if q and not any(q in fold(f) for f in (d.subject, d.code_as_printed, d.issuer_name)):
        continue
      docs.append(d)
    docs.sort(key=lambda d: d.id)
    docs.sort(key=lambda d: issued(d) or datetime.date.min, reverse=True)
    items, token, total = page(ctx, request, docs, 50)
    full = request.view == docs_pb.DOCUMENT_VIEW_FULL
    return docs_pb.ListDocumentsResponse(documents=[d if full else basic(d) for d in items], next_page_token=token, total_size=total)

  def GetAttachment(self, request, ctx):
    aid = require_id(ctx, request.attachment_id, "attachment_id")
    check_user(ctx, request.acting_user_id)
    return docs_pb.GetAttachmentResponse(attachment=found(ctx, ATTACHMENTS.get(aid), "tệp đính kèm", aid))

  def StreamAttachmentContent(self, request, ctx):
    aid = require_id(ctx, request.attachment_id, "attachment_id")
    if request.offset < 0:
      invalid(ctx, "offset không được âm.", "offset")
    check_user(ctx, request.acting_user_id)
    content = CONTENTS.get(found(ctx, ATTACHMENTS.get(aid), "tệp đính kèm", aid).id)
    if request.offset > len(content):
      ctx.abort(grpc.StatusCode.OUT_OF_RANGE, f"offset vượt quá kích thước tệp ({len(content)} byte).")
    for offset in range(request.offset, len(content), CHUNK):
      yield docs_pb.StreamAttachmentContentResponse(data=content[offset:offset + CHUNK], offset=offset, total_size_bytes=len(content))

  def GetDeepLink(self, request, ctx):
    check_user(ctx, request.viewer_user_id)
    target = request.WhichOneof("target")
    if target is None:
      invalid(ctx, "Cần đúng một đối tượng đích.", "target")
    ident = require_id(ctx, getattr(request, target), target)
    if target == "document_id":
      return docs_pb.GetDeepLinkResponse(deep_link=found(ctx, DOCUMENTS_BY_ID.get(ident), "văn bản", ident).deep_link)
    if target == "org_unit_id":
      return docs_pb.GetDeepLinkResponse(deep_link=found(ctx, UNITS.get(ident), "đơn vị", ident).deep_link)
    attachment = found(ctx, ATTACHMENTS.get(ident), "tệp đính kèm", ident)
    return docs_pb.GetDeepLinkResponse(deep_link=common.DeepLink(url=f"{WEB}/tep-dinh-kem/{ident}", title=attachment.file_name))


class Notifications(P.notifications_service_pb2_grpc.NotificationsServiceServicer):

  def __init__(self):
    self.lock = threading.Lock()
    self.by_key = {}
    self.by_id = {}

  def SendNotification(self, request, ctx):
    if not request.idempotency_key:
      invalid(ctx, "idempotency_key là bắt buộc.", "idempotency_key")
    if not KEY_PATTERN.match(request.idempotency_key):
      invalid(ctx, "idempotency_key gồm 1..128 ký tự [A-Za-z0-9._:-].", "idempotency_key")
    if not request.title.strip() or len(request.title) > 200:
      invalid(ctx, "title là bắt buộc, tối đa 200 ký tự.", "title")
    if not request.user_ids and not request.org_unit_ids:
      invalid(ctx, "Cần ít nhất một người nhận.", "user_ids")
    with self.lock:
      earlier = self.by_key.get(request.idempotency_key)
      if earlier is not None:
        return n_pb.SendNotificationResponse(notification_id=earlier["id"], duplicate=True, recipient_count=len(earlier["users"]))
      users = [found(ctx, USERS_BY_ID.get(uid), "người dùng", uid) for uid in request.user_ids]
      roles = list(request.unit_roles) or [d_pb.ROLE_UNIT_LEADER, d_pb.ROLE_CLERK]
      for uid in request.org_unit_ids:
        unit = found(ctx, UNITS.get(uid), "đơn vị", uid)
        if not valid_on(unit, today()):
          ctx.abort(grpc.StatusCode.FAILED_PRECONDITION, f"Đơn vị \"{unit.full_name}\" đã giải thể.")
        users += [u for u in USERS if any(a.org_unit_id == uid and a.role in roles for a in u.role_assignments)]
      ids = sorted({u.id for u in users if u.active})
      created = timestamp_pb2.Timestamp()
      created.GetCurrentTime()
      record = {"id": "tb-" + uuid.uuid4().hex, "users": ids, "created": created}
      self.by_key[request.idempotency_key] = record
      self.by_id[record["id"]] = record
      return n_pb.SendNotificationResponse(notification_id=record["id"], duplicate=False, recipient_count=len(ids))

  def GetNotificationStatus(self, request, ctx):
    nid = require_id(ctx, request.notification_id, "notification_id")
    with self.lock:
      record = found(ctx, self.by_id.get(nid), "thông báo", nid)
    response = n_pb.GetNotificationStatusResponse(notification_id=nid, create_time=record["created"],
                                                  state=n_pb.DELIVERY_STATE_DELIVERED if record["users"] else n_pb.DELIVERY_STATE_FAILED)
    for uid in record["users"]:
      response.deliveries.add(user_id=uid, state=n_pb.DELIVERY_STATE_DELIVERED, deliver_time=record["created"])
    return response


# ---- authentication -----------------------------------------------------------------------------

class BearerAuth(grpc.ServerInterceptor):
  """Admits only "authorization: Bearer <token>" with the configured token (constant-time compare)."""

  def __init__(self, token):
    self.digest = hashlib.sha256(token.encode()).digest()

  def intercept_service(self, continuation, details):
    handler = continuation(details)
    header = dict(details.invocation_metadata).get("authorization", "")
    given = header[7:].strip() if header.lower().startswith("bearer ") else None
    if given is not None and hmac.compare_digest(hashlib.sha256(given.encode()).digest(), self.digest):
      return handler
    if handler is None:
      return None

    def deny(request, ctx):
      ctx.abort(grpc.StatusCode.UNAUTHENTICATED, "Cần bearer token hợp lệ của runtime.")

    if handler.unary_stream:
      return grpc.unary_stream_rpc_method_handler(deny, request_deserializer=handler.request_deserializer, response_serializer=handler.response_serializer)
    return grpc.unary_unary_rpc_method_handler(deny, request_deserializer=handler.request_deserializer, response_serializer=handler.response_serializer)


def main():
  parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  parser.add_argument("--port", type=int, default=5071)
  args = parser.parse_args()
  token = os.environ.get("DANVAN_HOST_TOKEN") or "danvan-dev-host-token"

  server = grpc.server(futures.ThreadPoolExecutor(max_workers=8), interceptors=[BearerAuth(token)])
  P.directory_service_pb2_grpc.add_DirectoryServiceServicer_to_server(Directory(), server)
  P.documents_service_pb2_grpc.add_DocumentsServiceServicer_to_server(Documents(), server)
  P.notifications_service_pb2_grpc.add_NotificationsServiceServicer_to_server(Notifications(), server)
  try:
    port = server.add_insecure_port(f"127.0.0.1:{args.port}")
  except RuntimeError as e:
    sys.exit(f"minimal_host: cannot listen on 127.0.0.1:{args.port}: {e}")
  if port == 0:
    sys.exit(f"minimal_host: cannot listen on 127.0.0.1:{args.port}")
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
