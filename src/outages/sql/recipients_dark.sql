-- Who hears of outage :outage about its homes still dark in it (with :skip_taken_in = 1, not
-- those that were in an outage it took in, who heard already): the accounts with service there
-- now and the accounts following those addresses, after account :after, in account order, at
-- most :limit rows.
SELECT r.account_id, r.premise_id, r.line1, r.city, r.followed FROM (
  SELECT sa.account_id, sp.premise_id, p.line1, p.city, 0 AS followed
  FROM outage_points op
  JOIN service_agreements sa ON sa.service_point_id = op.service_point_id AND sa.end_date IS NULL
  JOIN service_points sp ON sp.id = op.service_point_id
  JOIN premises p ON p.id = sp.premise_id
  WHERE op.outage_id = :outage AND op.restored_at IS NULL AND op.moved_to IS NULL
    AND (:skip_taken_in = 0 OR NOT EXISTS (
      SELECT 1 FROM outage_points t JOIN outages o ON o.id = t.outage_id
      WHERE t.service_point_id = op.service_point_id AND o.merged_into = op.outage_id))
  UNION
  SELECT s.account_id, sp.premise_id, p.line1, p.city, 1 AS followed
  FROM outage_points op
  JOIN service_points sp ON sp.id = op.service_point_id
  JOIN outage_subscriptions s ON s.premise_id = sp.premise_id
  JOIN premises p ON p.id = sp.premise_id
  WHERE op.outage_id = :outage_again AND op.restored_at IS NULL AND op.moved_to IS NULL
    AND (:skip_taken_in_again = 0 OR NOT EXISTS (
      SELECT 1 FROM outage_points t JOIN outages o ON o.id = t.outage_id
      WHERE t.service_point_id = op.service_point_id AND o.merged_into = op.outage_id))
) r
WHERE r.account_id > :after
ORDER BY r.account_id, r.premise_id, r.followed
LIMIT :limit
