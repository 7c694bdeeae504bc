SELECT a.number FROM service_agreements sa JOIN accounts a ON a.id = sa.account_id
WHERE sa.service_point_id = :service_point_id AND sa.start_date <= :day
  AND (sa.end_date IS NULL OR sa.end_date >= :day_again)
ORDER BY a.number
