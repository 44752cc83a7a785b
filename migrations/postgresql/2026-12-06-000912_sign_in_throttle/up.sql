-- Sign-in failures are also counted per address (whatever the user name) and purged by age at
-- every new failure: both read by time, so both need an index that leads with it.
CREATE INDEX login_failures_ip_idx ON login_failures (client_ip, failed_at);
CREATE INDEX login_failures_time_idx ON login_failures (failed_at);
