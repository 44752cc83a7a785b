#!/usr/bin/env python3
"""A seeded province through the public API: a tree of districts, communes and cells, a few
thousand members with realistic spreads imported from a generated CSV (POST /imports), then the
composition report printed as the board would read it, and the error report of a bad file.

    python3 docs/examples/province.py BASE_URL ADMIN_PASSWORD [MEMBERS]

Only the standard library; deterministic (a fixed random seed).
"""

import json
import random
import sys
import time
import urllib.request
import uuid

BASE, PASSWORD = sys.argv[1].rstrip("/"), sys.argv[2]
MEMBERS = int(sys.argv[3]) if len(sys.argv) > 3 else 2400
rng = random.Random(2026)


def call(method, path, body=None, token=None, raw=None, content_type="application/json"):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(f"{BASE}/api/v1{path}", data=data, method=method)
    if data is not None:
        req.add_header("content-type", content_type)
    if token:
        req.add_header("authorization", f"Bearer {token}")
    with urllib.request.urlopen(req) as res:
        text = res.read().decode()
        return json.loads(text) if text and res.headers.get_content_type().endswith("json") else text


def pick(weighted):
    r, acc = rng.random() * sum(w for _, w in weighted), 0
    for v, w in weighted:
        acc += w
        if r <= acc:
            return v
    return weighted[-1][0]


token = call("POST", "/auth/login", {"username": "admin", "password": PASSWORD})["access_token"]
org = lambda name, kind, parent=None: call(
    "POST", "/organizations", {"name": name, "kind": kind, "parent_id": parent}, token)["id"]
province = org("Tỉnh ủy Hải Dương", "province")
cells = []
for d, district in enumerate(["Huyện ủy Thanh Hà", "Huyện ủy Kim Thành"]):
    did = org(district, "district", province)
    for c, commune in enumerate(["Thanh Sơn", "Thanh Xá", "Thanh Thủy"] if d == 0 else ["Kim Xuyên", "Kim Anh", "Kim Liên"]):
        cid = org(f"Đảng ủy xã {commune}", "commune", did)
        for k in range(1, 5):
            cells.append(org(f"Chi bộ thôn {k} xã {commune}", "cell", cid))

FAMILY = [("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Vũ", 4), ("Đặng", 3), ("Bùi", 3), ("Đỗ", 3), ("Ngô", 2)]
MIDDLE_M, MIDDLE_F = ["Văn", "Đức", "Minh", "Quang", "Hữu"], ["Thị", "Thu", "Ngọc", "Thanh", "Kim"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Long", "Nam", "Phúc", "Quân", "Sơn", "Thắng", "Tuấn", "Việt"]
GIVEN_F = ["Anh", "Bích", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Phương", "Thảo", "Yến"]
ETHNICITY = [("Kinh", 86), ("Tày", 4), ("Thái", 3), ("Mường", 3), ("Nùng", 2), ("H'Mông", 1), ("Dao", 1)]
RELIGION = [("Không", 90), ("Phật giáo", 6), ("Công giáo", 4)]
EDUCATION = [("12/12", 90), ("9/12", 8), ("7/10", 2)]
QUALIFICATION = [("Đại học", 45), ("Chưa qua đào tạo", 24), ("Trung cấp", 15), ("Cao đẳng", 10), ("Thạc sĩ", 5), ("Tiến sĩ", 1)]
THEORY = [("Chưa qua đào tạo", 40), ("Sơ cấp", 35), ("Trung cấp", 18), ("Cao cấp", 6), ("Cử nhân", 1)]
OCCUPATION = [("Nông dân", 20), ("Công chức", 20), ("Viên chức", 18), ("Hưu trí", 16), ("Công nhân", 10),
              ("Lực lượng vũ trang", 6), ("Chủ doanh nghiệp", 3), ("Sinh viên", 2), ("Lao động tự do", 5)]

header = ["Mã chi bộ", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Dân tộc", "Tôn giáo",
          "Trình độ giáo dục phổ thông", "Trình độ chuyên môn", "Lý luận chính trị", "Nghề nghiệp",
          "Ngày quyết định kết nạp", "Ngày kết nạp", "Ngày chính thức"]
today = time.strftime("%Y-%m-%d")
lines, used = [",".join(header)], set()
for i in range(MEMBERS):
    female = rng.random() < 0.36
    born = rng.randint(1942, 2004)
    if pick(OCCUPATION) == "Sinh viên":
        born = rng.randint(2001, 2006)
    occupation = pick(OCCUPATION)
    if born >= 2000:
        occupation = rng.choice(["Sinh viên", "Công nhân", "Viên chức"])
    name = f"{pick(FAMILY)} {rng.choice(MIDDLE_F if female else MIDDLE_M)} {rng.choice(GIVEN_F if female else GIVEN_M)}"
    cccd = None
    while cccd is None or cccd in used:
        century = (0 if born < 2000 else 2) + (1 if female else 0)
        cccd = f"030{century}{born % 100:02d}{rng.randint(0, 999999):06d}"
    used.add(cccd)
    age_at = rng.randint(19, 45)
    year = min(born + age_at, int(today[:4]) - (0 if rng.random() < 0.04 else 2))
    year = max(year, born + 19)
    month, day = rng.randint(1, 10), rng.randint(1, 28)
    decided = f"{day:02d}/{month:02d}/{year}"
    ceremony = f"{min(day + 10, 28):02d}/{month:02d}/{year}"
    official_iso = f"{year + 1}-{month:02d}-{min(day + 10, 28):02d}"
    official = f"{min(day + 10, 28):02d}/{month:02d}/{year + 1}" if official_iso <= today else ""
    lines.append(",".join(str(v) for v in [
        rng.choice(cells), name, "Nữ" if female else "Nam", f"15/{rng.randint(1, 12):02d}/{born}", cccd,
        pick(ETHNICITY), pick(RELIGION), pick(EDUCATION), pick(QUALIFICATION), pick(THEORY), occupation,
        decided, ceremony, official]))


def upload(name, text):
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"organization_id\"\r\n\r\n{province}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            f"Content-Type: text/csv\r\n\r\n").encode() + text.encode() + f"\r\n--{boundary}--\r\n".encode()
    job = call("POST", "/imports", token=token, raw=body, content_type=f"multipart/form-data; boundary={boundary}")
    while job["status"] == "running":
        time.sleep(0.5)
        job = call("GET", f"/imports/{job['id']}", token=token)
    return job


started = time.time()
job = upload("tinh-hai-duong.csv", "\ufeff" + "\r\n".join(lines) + "\r\n")
print(f"Import of {MEMBERS} rows: {job['status']}, created {job['created']}, "
      f"{time.time() - started:.1f} s")
assert job["status"] == "succeeded", job

report = call("GET", f"/reports/composition?organization_id={province}", token=token)
print(f"\n{report['title'].upper()}\nTổ chức: {report['organization_name']} — tính đến {report['as_of']}\n")
for s in report["sections"]:
    total = s["percent_of"] or 1
    print(f"{s['title']}")
    for r in s["rows"]:
        print(f"  {r['label']:<34} {r['values'][0]:>6}  {100 * r['values'][0] / total:6.2f} %")
    print()

bad = [header[1:], ["Nguyễn Văn Sai Ngày", "Nam", "31/02/1980", "030080123456", "Kinh", "Không", "12/12",
                    "Đại học", "Sơ cấp", "Công chức", "07/03/2005", "21/03/2005", "21/03/2006"],
       ["Trần Thị Lệch", "Nữ", "15/01/1985", "030085123457", "Kinh", "Không", "12/12",
        "Đại học", "Sơ cấp", "Công chức", "07/03/2005", "21/03/2005", "21/03/2006"],
       ["Lê Văn Trẻ", "Nam", "15/01/1990", "030090123458", "Kinh", "Không", "12/12",
        "Đại học", "Sơ cấp", "Sinh viên", "07/03/2005", "21/03/2005", ""],
       ["Phạm Văn Chữ", "Nam", "15/01/1975", "030075123459", "Kinh", "Không", "12/12",
        "Đại học", "Tiến sĩ chính trị", "Công chức", "07/03/2005", "21/03/2005", "21/03/2006"],
       ["Hoàng Văn Lặp", "Nam", "15/01/1975", "030090123458", "Kinh", "Không", "12/12",
        "Đại học", "Sơ cấp", "Công chức", "07/03/2005", "21/03/2005", "21/03/2006"]]
bad_header = ["Mã chi bộ"] + bad[0]
bad_rows = [[str(cells[0])] + r for r in bad[1:]]
job = upload("sai.csv", "\r\n".join(",".join(r) for r in [bad_header] + bad_rows) + "\r\n")
print(f"Bad file: {job['status']} — {job['message']}")
print(f"{'Dòng':<5} {'Cột':<14} {'Giá trị':<20} Lỗi")
for e in job["errors"]:
    print(f"{e['row']:<5} {e['column'] or '-':<14} {e['value'] or '':<20} {e['message']}")
