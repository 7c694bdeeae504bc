-- Portal adoption as of :since (30 days ago) and self-service in local days [:from, :to].
SELECT
  (SELECT COUNT(*) FROM accounts WHERE status = 'active') AS active_accounts,
  (SELECT COUNT(DISTINCT ua.account_id) FROM user_accounts ua
   JOIN accounts a ON a.id = ua.account_id AND a.status = 'active') AS with_login,
  (SELECT COUNT(DISTINCT ua.account_id) FROM user_accounts ua
   JOIN accounts a ON a.id = ua.account_id AND a.status = 'active'
   WHERE EXISTS (SELECT 1 FROM user_sessions us
                 WHERE us.user_id = ua.user_id AND us.last_seen_at >= :since)) AS login_used,
  (SELECT COUNT(*) FROM accounts WHERE status = 'active' AND paperless = 1) AS paperless,
  (SELECT COUNT(*) FROM payments
   WHERE effective_on >= :from AND effective_on <= :to AND moved_from_payment_id IS NULL
     AND status IN ('posted', 'moved', 'returned', 'refunded')) AS payments,
  (SELECT COUNT(*) FROM payments
   WHERE effective_on >= :from_again AND effective_on <= :to_again
     AND moved_from_payment_id IS NULL AND channel IN ('web', 'autopay')
     AND status IN ('posted', 'moved', 'returned', 'refunded')) AS portal_payments,
  (SELECT COUNT(*) FROM payment_arrangements
   WHERE created_on >= :from_arranged AND created_on <= :to_arranged) AS arrangements,
  (SELECT COUNT(*) FROM payment_arrangements
   WHERE created_on >= :from_self AND created_on <= :to_self
     AND created_by LIKE 'customer:%') AS portal_arrangements
