DROP INDEX login_failures_time_idx;
DROP INDEX login_failures_ip_idx;
