#!/usr/bin/env python3
"""What an integrator's program looks like with the Python client generated from
openapi/openapi.json (scripts/client-test.sh generates it with openapi-python-client):
sign in, find an organisation, list its members, read one member's badges and cards, and
read the change feed.

    PYTHONPATH=GENERATED_DIR python3 docs/examples/client_example.py BASE_URL USER PASSWORD
"""

import sys

from qldv_client import AuthenticatedClient, Client
from qldv_client.api.auth import login
from qldv_client.api.badges import member_badges
from qldv_client.api.cards import member_cards
from qldv_client.api.members import list_members
from qldv_client.api.organizations import list_organizations
from qldv_client.models import LoginRequest, Problem, TokenPair

base, user, password = sys.argv[1], sys.argv[2], sys.argv[3]

tokens = login.sync(client=Client(base_url=base), body=LoginRequest(username=user, password=password))
assert isinstance(tokens, TokenPair), tokens
api = AuthenticatedClient(base_url=base, token=tokens.access_token)
print(f"signed in as {user}; token valid {tokens.expires_in} s")

roots = list_organizations.sync(client=api)
assert not isinstance(roots, Problem), roots
for org in roots.items:
    page = list_members.sync(client=api, organization_id=org.id, limit=20)
    assert not isinstance(page, Problem), page
    if page.items:
        break
print(f"organisation {org.id} {org.name}: {len(page.items)} member(s) on the first page")
for m in page.items[:5]:
    print(f"  {m.id:>5}  {m.full_name:<28} {m.status}  party age {m.party_age_years}")

# The member with the most history: the first one holding a badge or a card, else the first.
chosen = page.items[0]
for m in page.items:
    if member_badges.sync(m.id, client=api) or member_cards.sync(m.id, client=api):
        chosen = m
        break
badges = member_badges.sync(chosen.id, client=api)
cards = member_cards.sync(chosen.id, client=api)
assert isinstance(badges, list) and isinstance(cards, list), (badges, cards)
print(f"{chosen.full_name}: {len(badges)} badge(s), {len(cards)} card(s)")
for b in badges:
    print(f"  badge {b.milestone} years, occasion {b.occasion_on}, decision {b.decision_no}, {b.status}")
for c in cards:
    print(f"  card {c.card_number}, issued {c.issued_on}, {c.status}")

# The change feed: what changed since a cursor, in commit order (integration accounts and
# administrators). A real consumer stores next_cursor and polls with it.
from qldv_client.api.changes import list_changes  # noqa: E402

feed = list_changes.sync(client=api, limit=3)
assert not isinstance(feed, Problem), feed
for c in feed.items:
    print(f"  change {c.cursor}: {c.entity.value} {c.id} {c.operation} -> version {c.version}")
print(f"feed: continue after {feed.next_cursor} (more waiting: {feed.has_more})")
