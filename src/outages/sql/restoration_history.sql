-- Recent restored outages on devices of kind :kind (of cause :cause when it is not ''): when each
-- began and was restored, the newest first.
SELECT began_at, restored_at FROM outages
WHERE status = 'restored' AND device_kind = :kind AND restored_at IS NOT NULL
  AND restored_at >= :since AND planned = 0
  AND (:cause = '' OR cause = :cause_again)
ORDER BY id DESC
LIMIT 500
