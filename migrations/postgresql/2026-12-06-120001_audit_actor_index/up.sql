-- The daily allowance of identifiers told held elsewhere is counted from the trail by account.
CREATE INDEX audit_log_actor_action_idx ON audit_log (actor_id, action, at);
