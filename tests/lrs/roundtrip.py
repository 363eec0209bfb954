"""POSTs xAPI statements to a running LRS, GETs each back and compares.

Usage: roundtrip.py BASE_URL STATEMENTS.json...  (each file a JSON array of statements)
Prints one line per check, then `roundtrip: N passed, M failed`; exits 1 on any failure.
What the LRS adds (stored, authority, version) is ignored; what we sent must come back
unchanged, timestamps compared as instants (an LRS may rewrite the UTC offset).
"""
import json
import sys
from datetime import datetime

import requests

AUTH = ("evident", "secret")
HEADERS = {"X-Experience-API-Version": "1.0.3"}
passed = failed = 0


def check(ok, label, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {label}")
    else:
        failed += 1
        print(f"FAIL {label} {detail}")


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def differences(sent, got, path="statement"):
    """Paths where `got` differs from `sent`, looking only at what was sent."""
    if isinstance(sent, dict):
        if not isinstance(got, dict):
            return [path]
        out = []
        for key, value in sent.items():
            if key not in got:
                out.append(f"{path}.{key} (missing)")
            elif key in ("timestamp", "stored"):
                if instant(value) != instant(got[key]):
                    out.append(f"{path}.{key}: {value} != {got[key]}")
            else:
                out.extend(differences(value, got[key], f"{path}.{key}"))
        return out
    if isinstance(sent, list):
        if not isinstance(got, list) or len(sent) != len(got):
            return [path]
        return [d for k, (a, b) in enumerate(zip(sent, got)) for d in differences(a, b, f"{path}[{k}]")]
    if isinstance(sent, (int, float)) and not isinstance(sent, bool):
        return [] if isinstance(got, (int, float)) and abs(sent - got) < 1e-9 else [f"{path}: {sent} != {got}"]
    return [] if sent == got else [f"{path}: {sent!r} != {got!r}"]


def single(body):
    """Ralph answers `statementId` with {"statements": [one]}; the spec says the statement itself."""
    if isinstance(body, dict) and "statements" in body and "id" not in body:
        found = body["statements"]
        return found[0] if len(found) == 1 else None
    return body


def main():
    base = sys.argv[1].rstrip("/") + "/xAPI/statements"
    statements = []
    for name in sys.argv[2:]:
        with open(name, encoding="utf-8") as f:
            statements.extend(json.load(f))
    ids = [s["id"] for s in statements]
    check(len(set(ids)) == len(ids), f"{len(ids)} statements from {len(sys.argv) - 2} files have distinct ids")
    # One POST: Ralph's file backend writes its file once per request and refuses a second write.
    response = requests.post(base, json=statements, auth=AUTH, headers=HEADERS, timeout=30)
    check(response.status_code == 200 and response.json() == ids, f"POST {len(ids)} statements: stored with our ids",
          f"({response.status_code} {response.text[:300]})")
    for statement in statements:
        r = requests.get(base, params={"statementId": statement["id"]}, auth=AUTH, headers=HEADERS, timeout=30)
        if r.status_code != 200:
            check(False, f"GET {statement['id']}", f"({r.status_code} {r.text[:300]})")
            continue
        got = single(r.json())
        diff = differences(statement, got) if got is not None else ["not exactly one statement"]
        verb = statement["verb"]["id"].rsplit("/", 1)[-1]
        check(not diff, f"GET {statement['id']} ({verb} {statement['object']['id'].rsplit('/', 1)[-1]}) comes back unchanged", "; ".join(diff[:5]))
    # The same statements again: an LRS must not store a statement id twice.
    again = requests.post(base, json=statements, auth=AUTH, headers=HEADERS, timeout=30)
    check(again.status_code in (200, 204, 409), "POST the same statements again is refused or ignored", f"({again.status_code} {again.text[:200]})")
    # Every statement about each student, by the actor filter.
    by_student = {}
    for s in statements:
        by_student.setdefault(json.dumps(s["actor"], sort_keys=True), set()).add(s["id"])
    for actor, wanted in sorted(by_student.items()):
        r = requests.get(base, params={"agent": actor, "limit": 100}, auth=AUTH, headers=HEADERS, timeout=30)
        found = {s["id"] for s in r.json().get("statements", [])} if r.status_code == 200 else set()
        name = json.loads(actor)["account"]["name"]
        check(found == wanted, f"GET agent={name}: exactly its {len(wanted)} statements", f"({r.status_code}, {len(found)} found)")
    print(f"roundtrip: {passed} passed, {failed} failed")
    sys.exit(0 if failed == 0 and passed > 0 else 1)


if __name__ == "__main__":
    main()
