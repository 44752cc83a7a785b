#!/usr/bin/env python3
"""A walk through the QLĐV API against a running server, with nothing but the standard library.

    python3 docs/examples/walkthrough.py http://127.0.0.1:8080 ADMIN_PASSWORD

It seeds a small commune (two cells, a dozen members), then shows what integrators and clerks see:
a search without diacritics and the list in Vietnamese order; one member walked through admission,
transfer, discipline, name removal, re-admission and recognition with the party age the API reports
at each step; the party-badge eligibility list for 3 February of next year; and an evaluation round
closed with its summary. Every call must succeed (the script stops at the first unexpected answer),
so the smoke test runs it against the real binary.
"""

import datetime
import json
import sys
import urllib.error
import urllib.request


class Api:
    def __init__(self, base):
        self.base = base.rstrip("/")
        self.token = None

    def call(self, method, path, body=None, expect=(200, 201)):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("content-type", "application/json")
        if self.token:
            req.add_header("authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(req) as res:
                status, text = res.status, res.read().decode()
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read().decode()
        if status not in expect:
            raise SystemExit(f"{method} {path} -> {status}: {text}")
        return json.loads(text) if text else None

    def get(self, path, **kw):
        return self.call("GET", path, **kw)

    def post(self, path, body, **kw):
        return self.call("POST", path, body, **kw)


def cccd(birth_year, female, n):
    century = {19: 0, 20: 2}[birth_year // 100] + (1 if female else 0)
    return f"031{century}{birth_year % 100:02d}{n:06d}"


def official(cell, name, female, born, decided, n):
    d = datetime.date.fromisoformat(decided)
    ceremony = d + datetime.timedelta(days=14)
    official_on = ceremony.replace(year=ceremony.year + 1)
    return {
        "organization_id": cell, "full_name": name, "gender": "female" if female else "male",
        "birth_date": f"{born}-04-12", "national_id": cccd(born, female, n),
        "admission_decision_on": decided, "admission_decision_no": f"{n}-QĐ/ĐU",
        "ceremony_on": ceremony.isoformat(), "status": "official",
        "official_on": official_on.isoformat(),
    }


def age(api, member, as_of):
    a = api.get(f"/api/v1/members/{member}/party-age?as_of={as_of}", expect=(200, 422))
    if "years" not in a:
        return f"none yet ({a['code']})"
    return f"{a['years']} năm {a['months']} tháng {a['days']} ngày (trừ {a['interruptions_days']} ngày gián đoạn)"


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    api = Api(sys.argv[1])
    api.token = api.post("/api/v1/auth/login", {"username": "admin", "password": sys.argv[2]})["access_token"]
    tag = datetime.datetime.now().strftime("%H%M%S")
    org = lambda name, kind, parent: api.post(  # noqa: E731
        "/api/v1/organizations", {"name": name, "kind": kind, "parent_id": parent})["id"]
    province = org(f"Tỉnh ủy Mẫu {tag}", "province", None)
    commune = org("Đảng ủy xã Hòa Bình", "commune", province)
    cell_a = org("Chi bộ thôn Đông", "cell", commune)
    cell_b = org("Chi bộ thôn Tây", "cell", commune)
    other_commune = org("Đảng ủy xã Tân Lập", "commune", province)
    cell_c = org("Chi bộ thôn Bắc", "cell", other_commune)

    people = [
        ("Nguyễn Văn An", False, 1952, "1977-01-10"),
        ("Trần Thị Ánh", True, 1970, "1997-02-03"),
        ("Lê Văn Bình", False, 1970, "1997-02-04"),
        ("Phạm Thị Ân", True, 1961, "1987-05-19"),
        ("Đặng Văn Đức", False, 1985, "2010-09-02"),
        ("Đỗ Thị Dung", True, 1990, "2015-03-02"),
        ("Nguyễn Anh", False, 1988, "2012-06-01"),
        ("Hoàng Văn Ánh", False, 1940, "1962-05-01"),
        ("Vũ Thị Hà", True, 1975, "2000-11-07"),
        ("Bùi Văn Hải", False, 1980, "2005-07-01"),
        ("Ngô Thị Mai", True, 1992, "2018-03-05"),
    ]
    ids = {}
    for i, (name, female, born, decided) in enumerate(people, start=1):
        cell = cell_a if i % 2 else cell_b
        ids[name] = api.post("/api/v1/members", official(cell, name, female, born, decided, i * 7 + int(tag) % 997))["id"]
    api.post(f"/api/v1/members/{ids['Hoàng Văn Ánh']}/illnesses",
             {"from": "2026-03-01", "serious": True, "note": "Bệnh hiểm nghèo (hồ sơ bệnh án)"})

    print("## Search without diacritics: q=nguyen van an")
    found = api.get(f"/api/v1/members?organization_id={province}&q=nguyen%20van%20an")
    print(json.dumps([{"id": m["id"], "full_name": m["full_name"]} for m in found["items"]], ensure_ascii=False))
    print()
    print("## The commune's members, sort=name (Vietnamese order, given name first)")
    listed = api.get(f"/api/v1/members?organization_id={commune}&sort=name")
    for m in listed["items"]:
        print("-", m["full_name"])
    print()

    print("## One member's life, with the party age the API reports")
    m = api.post("/api/v1/members", {
        "organization_id": cell_a, "full_name": "Lý Văn Minh", "gender": "male",
        "birth_date": "1980-01-15", "national_id": cccd(1980, False, 900000 + int(tag) % 99999),
        "admission_decision_on": "2005-03-07", "admission_decision_no": "12-QĐ/ĐU",
        "ceremony_on": "2005-03-21", "status": "probationary"})["id"]
    p = f"/api/v1/members/{m}"
    print(f"1. admission (decision 2005-03-07, ceremony 2005-03-21): status {api.get(p)['status']}, "
          f"party age on 2006-01-01: {age(api, m, '2006-01-01')}")
    r = api.post(f"{p}/recognition", {"decided_on": "2006-03-25", "decision_no": "40-QĐ/ĐU"})
    print(f"2. recognised official from {r['official_on']}: party age on 2006-03-25: {age(api, m, '2006-03-25')}")
    t = api.post("/api/v1/transfers", {"member_id": m, "to_organization_id": cell_c, "kind": "official",
                                        "issued_on": "2010-06-01", "reason": "Chuyển công tác"})
    mid = api.get(p)
    print(f"3. transfer issued 2010-06-01: in_transit={mid['in_transit']}, counted once in its old cell")
    api.post(f"/api/v1/transfers/{t['id']}/accept", {"received_on": "2010-06-11"})
    print(f"   accepted 2010-06-11 by the receiving commune: party age on 2010-06-11: {age(api, m, '2010-06-11')}")
    api.post(f"{p}/disciplines", {"form": "warning", "decided_on": "2012-01-09", "decision_no": "5-QĐ/UBKT",
                                  "reason": "Vi phạm quy định sinh hoạt"})
    print(f"4. warning 2012-01-09: party age on 2012-01-09: {age(api, m, '2012-01-09')}")
    api.post(f"{p}/exit", {"reason": "name_removed", "effective_on": "2014-05-05", "decision_no": "7-QĐ/ĐU"})
    print(f"5. name removed 2014-05-05: status {api.get(p)['status']}; party age on 2014-05-05: "
          f"{age(api, m, '2014-05-05')}; on 2016-01-01: {age(api, m, '2016-01-01')} (frozen)")
    api.post(f"{p}/readmission", {"admission_decision_on": "2017-05-05", "ceremony_on": "2017-05-19",
                                  "decision_no": "99-QĐ/ĐU", "consent_no": "15-CV/TU"})
    print(f"6. re-admitted 2017-05-05 (new probation): status {api.get(p)['status']}; party age on 2017-05-19: "
          f"{age(api, m, '2017-05-19')}")
    r = api.post(f"{p}/recognition", {"decided_on": "2018-05-20", "decision_no": "3-QĐ/ĐU"})
    print(f"7. official again from {r['official_on']}: party age on 2018-05-19: {age(api, m, '2018-05-19')}; "
          f"today: {r['party_age_years']} years")
    print()

    occasion = f"{datetime.date.today().year + 1}-02-03"
    print(f"## Party badges: eligible in the commune for {occasion}")
    for e in api.get(f"/api/v1/badges/eligible?organization_id={commune}&occasion_on={occasion}&limit=500")["items"]:
        flags = ", ".join(f for f, on in (("sớm (bệnh nặng)", e["early"]), ("truy tặng", e["posthumous"])) if on)
        print(f"- {e['full_name']}: Huy hiệu {e['milestone']} năm, tuổi đảng {e['party_age_years']}"
              + (f" — {flags}" if flags else ""))
    print()

    year = datetime.date.today().year - 1
    print(f"## Evaluation round {year} of organisation {commune} (Đảng ủy xã Hòa Bình)")
    levels = ["good", "good", "good", "good", "good", "excellent", "complete", "good", "good", "good", "not_complete"]
    for (name, _, _, _), level in zip(people, levels):
        api.call("PUT", f"/api/v1/members/{ids[name]}/evaluations/{year}", {"level": level})
    ev = api.get(f"/api/v1/evaluations?organization_id={commune}&year={year}&limit=5")
    print("live summary:", json.dumps(ev["summary"], ensure_ascii=False))
    api.call("PUT", f"/api/v1/members/{ids['Nguyễn Anh']}/evaluations/{year}", {"level": "excellent"})
    refused = api.post(f"/api/v1/organizations/{commune}/evaluations/{year}/close", {}, expect=(422,))
    print(f"close with a second excellent -> 422 {refused['code']}: {refused['detail']}")
    api.call("PUT", f"/api/v1/members/{ids['Nguyễn Anh']}/evaluations/{year}", {"level": "complete"})
    closed = api.post(f"/api/v1/organizations/{commune}/evaluations/{year}/close", {})
    print("closed round:", json.dumps(closed, ensure_ascii=False))


if __name__ == "__main__":
    main()
