-- Platform: organisation kinds and tree, users, sign-in tokens, login throttling, audit log.

CREATE TABLE organization_kinds (
    code          TEXT PRIMARY KEY,
    name_vi       TEXT NOT NULL,
    name_en       TEXT NOT NULL,
    sort_order    INTEGER NOT NULL,
    holds_members INTEGER NOT NULL DEFAULT 0
);

INSERT INTO organization_kinds (code, name_vi, name_en, sort_order, holds_members) VALUES
    ('central',              'Trung ương',                       'Central',                     10, 0),
    ('province',             'Tỉnh ủy, thành ủy',                'Provincial committee',        20, 0),
    ('district',             'Huyện ủy, quận ủy, đảng ủy khối',   'District committee',          30, 0),
    ('commune',              'Đảng ủy xã, phường, đặc khu',       'Commune committee',           40, 0),
    ('upper_grassroots',     'Đảng ủy cấp trên cơ sở',           'Upper grassroots committee',  45, 0),
    ('grassroots_committee', 'Đảng bộ cơ sở',                    'Grassroots committee',        50, 0),
    ('grassroots_cell',      'Chi bộ cơ sở',                     'Grassroots cell',             55, 1),
    ('sub_committee',        'Đảng bộ bộ phận',                  'Sub-committee',               60, 0),
    ('cell',                 'Chi bộ',                           'Cell',                        70, 1);

CREATE TABLE organizations (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id    BIGINT REFERENCES organizations (id),
    kind         TEXT NOT NULL REFERENCES organization_kinds (code),
    name         TEXT NOT NULL CHECK (length(name) > 0),
    code         TEXT UNIQUE,
    -- Materialised path of ids, e.g. '/1/17/342/'. Byte order (BINARY collation, the default) makes a subtree a range.
    path         TEXT NOT NULL UNIQUE,
    depth        INTEGER NOT NULL,
    valid_from   TEXT,
    valid_to     TEXT,
    successor_id BIGINT REFERENCES organizations (id),
    version      BIGINT NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX organizations_parent_idx ON organizations (parent_id, name, id);

CREATE TABLE users (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    username        TEXT NOT NULL UNIQUE,
    password_hash   TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('admin', 'organizer', 'viewer', 'integration')),
    organization_id BIGINT REFERENCES organizations (id),
    full_name       TEXT,
    active          INTEGER NOT NULL DEFAULT 1,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (role = 'admin' OR organization_id IS NOT NULL)
);
CREATE INDEX users_organization_idx ON users (organization_id);

CREATE TABLE refresh_tokens (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     BIGINT NOT NULL REFERENCES users (id),
    family_id   TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    issued_at   TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT,
    revoked_at  TEXT
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      BIGINT NOT NULL REFERENCES users (id),
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    token_prefix TEXT NOT NULL,
    created_by   BIGINT NOT NULL REFERENCES users (id),
    created_at   TEXT NOT NULL,
    expires_at   TEXT,
    last_used_at TEXT,
    revoked_at   TEXT
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

CREATE TABLE login_failures (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    username  TEXT NOT NULL,
    client_ip TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE INDEX login_failures_lookup_idx ON login_failures (username, client_ip, failed_at);

CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    at             TEXT NOT NULL,
    request_id     TEXT,
    actor_id       BIGINT,
    actor_username TEXT NOT NULL,
    action         TEXT NOT NULL,
    entity         TEXT NOT NULL,
    entity_id      TEXT NOT NULL,
    -- Path of the organisation the entity belongs to, so audit reads can be scoped.
    scope_path     TEXT,
    before_data    TEXT,
    after_data     TEXT
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id);
CREATE INDEX audit_log_scope_idx ON audit_log (scope_path, id);
