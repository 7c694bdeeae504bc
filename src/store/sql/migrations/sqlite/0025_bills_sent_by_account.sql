-- An account's bills of one status, newest first: what "the latest sent bill", "the bills not yet
-- due" and "what is owed now" read on every summary. Without it the planner may take
-- bills_by_status and read every released bill of the utility for one account.
CREATE INDEX bills_by_account_status ON bills (account_id, status, id);
