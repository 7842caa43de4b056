"""An integrator's client for the Tasks plugin API (danvan.tasks.v1), with Debian's grpcio.

What an e-office vendor or integrator does, in any language:
  1. generate stubs from protos/danvan/tasks/v1/*.proto (they import danvan/host/v1/common.proto);
  2. call the runtime's gRPC port with "authorization: Bearer <host token>" and the officer in
     "x-danvan-user-id" on every call;
  3. read refusals from the status code, the Vietnamese message, and for INVALID_ARGUMENT the
     google.rpc.BadRequest in the "grpc-status-details-bin" trailer.

Usage (run with /usr/bin/python3, where Debian's grpcio is importable):
  tasks_api_client.py --target 127.0.0.1:5051 --token TOKEN --manager u-ubnd-tinh-chuyen-vien \
      --officer u-tan-hung-can-bo --document vb-001-chi-thi-ubnd-tinh-2022 --unit xa-tan-hung --item 8
Prints one JSON object with what each step saw.
"""

import argparse
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_PROTOS = os.path.abspath(os.path.join(HERE, "..", "..", "..", "protos"))
FILES = [
  "danvan/host/v1/common.proto",
  "danvan/tasks/v1/drafts.proto",
  "danvan/tasks/v1/tasks.proto",
  "danvan/tasks/v1/tasks_service.proto",
  "google/rpc/status.proto",
  "google/rpc/error_details.proto",
]


def load_stubs():
  out = tempfile.mkdtemp(prefix="danvan-tasks-py-")
  res = subprocess.run([sys.executable, "-m", "grpc_tools.protoc", "-I", REPO_PROTOS,
                        "--python_out", out, "--grpc_python_out", out] + FILES,
                       capture_output=True, text=True)
  if res.returncode != 0:
    sys.exit(f"protoc failed: {res.stderr}")
  sys.path.insert(0, out)
  import google
  if os.path.join(out, "google") not in list(google.__path__):
    google.__path__.append(os.path.join(out, "google"))
  mods = {name: importlib.import_module(name) for name in [
    "danvan.tasks.v1.tasks_service_pb2", "danvan.tasks.v1.tasks_service_pb2_grpc",
    "danvan.tasks.v1.tasks_pb2", "google.rpc.status_pb2", "google.rpc.error_details_pb2"]}
  return out, mods


def main():
  p = argparse.ArgumentParser()
  p.add_argument("--target", required=True)
  p.add_argument("--token", required=True)
  p.add_argument("--manager", required=True, help="an officer of the issuing unit, who confirms the draft")
  p.add_argument("--officer", required=True, help="an officer of the unit whose assignments are listed")
  p.add_argument("--document", required=True)
  p.add_argument("--unit", required=True)
  p.add_argument("--item", required=True)
  a = p.parse_args()

  out, m = load_stubs()
  try:
    import grpc
    svc = m["danvan.tasks.v1.tasks_service_pb2"]
    tasks = m["danvan.tasks.v1.tasks_pb2"]
    stub = m["danvan.tasks.v1.tasks_service_pb2_grpc"].TasksServiceStub(grpc.insecure_channel(a.target))

    def as_officer(user):
      return [("authorization", "Bearer " + a.token), ("x-danvan-user-id", user)]

    result = {}
    draft = stub.GetDocumentDraft(svc.GetDocumentDraftRequest(document_id=a.document), metadata=as_officer(a.manager), timeout=30).draft
    item = next(i for i in draft.items if i.path == a.item)
    result["draft"] = {
      "items": len(draft.items),
      "item_text": item.text,
      # Spans count code points, so a Python str slices them directly.
      "item_slice": draft.text[item.span.start:item.span.start + item.span.length],
      "closing_deadlines": [d.rule.description for d in draft.closing_deadlines],
    }

    confirmed = stub.ConfirmDraft(svc.ConfirmDraftRequest(document_id=a.document, items=[svc.ItemConfirmation(item_path=a.item)]),
                                  metadata=as_officer(a.manager), timeout=30)
    result["confirm"] = {"tasks_created": confirmed.tasks_created, "assignments_created": confirmed.assignments_created,
                         "tasks": [t.item_path for t in confirmed.tasks]}

    listed = stub.ListUnitAssignments(svc.ListUnitAssignmentsRequest(unit_id=a.unit), metadata=as_officer(a.officer), timeout=30)
    result["assignments"] = [{
      "status": tasks.AssignmentStatus.Name(x.status), "label": x.status_label,
      "due": "%02d/%02d/%04d" % (x.due_date.day, x.due_date.month, x.due_date.year),
      "period": x.period_key, "item": x.task.item_path} for x in listed.assignments]

    try:
      stub.ConfirmDraft(svc.ConfirmDraftRequest(document_id=a.document, items=[svc.ItemConfirmation(item_path="99")]),
                        metadata=as_officer(a.manager), timeout=30)
      result["invalid"] = "accepted"
    except grpc.RpcError as e:
      details = next((v for k, v in e.trailing_metadata() if k == "grpc-status-details-bin"), None)
      fields = []
      if details is not None:
        status = m["google.rpc.status_pb2"].Status.FromString(details)
        for any_ in status.details:
          bad = m["google.rpc.error_details_pb2"].BadRequest()
          if any_.Unpack(bad):
            fields += [v.field for v in bad.field_violations]
      result["invalid"] = {"code": e.code().name, "message": e.details(), "fields": fields}

    try:
      stub.ListUnitAssignments(svc.ListUnitAssignmentsRequest(unit_id=a.unit), metadata=[("authorization", "Bearer " + a.token)], timeout=30)
      result["no_officer"] = "accepted"
    except grpc.RpcError as e:
      result["no_officer"] = e.code().name

    print(json.dumps(result, ensure_ascii=False))
  finally:
    shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
  main()
