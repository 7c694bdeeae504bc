DELETE FROM outage_subscriptions WHERE account_id = :account_id AND premise_id = :premise_id
