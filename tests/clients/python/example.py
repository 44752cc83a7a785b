#!/usr/bin/env python3
"""An integrator's program on the Python client generated from openapi/openapi.json by
openapi-python-client (scripts/test-contract.sh generates it, checks this file and the client
with `mypy --strict`, then runs it against a server): sign in, list members, read a report as
CSV and round-trip a sync package (export, then import).

    PYTHONPATH=GENERATED_DIR python3 tests/clients/python/example.py BASE_URL USER PASSWORD
"""

import sys

from qldv_client import AuthenticatedClient, Client
from qldv_client.api.auth import login
from qldv_client.api.changes import create_trusted_key, export_sync_package, get_sync_key, import_sync_package
from qldv_client.api.members import list_members
from qldv_client.api.organizations import list_organizations
from qldv_client.api.reports import export_report, get_report
from qldv_client.models import (
    LoginRequest,
    Member,
    PageMember,
    PageOrganization,
    Report,
    ReportCode,
    SyncIdentity,
    SyncPackage,
    SyncReport,
    TokenPair,
    TrustedKey,
)


def main(base: str, user: str, password: str) -> None:
    tokens = login.sync(client=Client(base_url=base), body=LoginRequest(username=user, password=password))
    assert isinstance(tokens, TokenPair), tokens
    api = AuthenticatedClient(base_url=base, token=tokens.access_token)

    # Members: the first page of the first top-level organisation's subtree.
    roots = list_organizations.sync(client=api)
    assert isinstance(roots, PageOrganization), roots
    root = roots.items[0]
    page = list_members.sync(client=api, organization_id=root.id, limit=5)
    assert isinstance(page, PageMember), page
    first: Member = page.items[0]
    print(f"{root.name}: first member {first.full_name} ({first.status.value}); next page: {page.next_cursor}")

    # A report as CSV: `export_report`, the report's spreadsheet operation, whose 200 is CSV first
    # (the generated function parses a response by its first media type, so it returns text).
    csv = export_report.sync(ReportCode.COMPOSITION, client=api, organization_id=root.id)
    assert isinstance(csv, str), csv
    header = csv.lstrip("\ufeff").splitlines()[0]
    print(f"composition report as CSV: {len(csv)} characters; first line: {header}")
    json_report = get_report.sync(ReportCode.COMPOSITION, client=api, organization_id=root.id)
    assert isinstance(json_report, Report), json_report
    print(f"the same report as JSON: {len(json_report.sections)} section(s)")

    # A sync package, round-tripped: this installation trusts its own key for the subtree, exports
    # the subtree and imports the package again (every record already as the package has it).
    me = get_sync_key.sync(client=api)
    assert isinstance(me, SyncIdentity), me
    trusted = create_trusted_key.sync(
        client=api, body=TrustedKey(public_key=me.public_key, name="this installation", organization_id=root.id)
    )
    assert isinstance(trusted, TrustedKey), trusted
    package = export_sync_package.sync(client=api, organization_id=root.id)
    assert isinstance(package, SyncPackage), package
    report = import_sync_package.sync(client=api, body=package)
    assert isinstance(report, SyncReport), report
    assert report.applied == 0 and not report.conflicts, report
    print(f"sync package {package.format_} signed by {package.public_key[:12]}…: {report.unchanged} record(s) unchanged")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
