-- The kinds of the meters in place on the account's open services (a service with no meter, such
-- as sewer billed on water, has none).
SELECT m.kind FROM service_agreements sa
JOIN meters m ON m.service_point_id = sa.service_point_id AND m.removed_on IS NULL
WHERE sa.account_id = :account AND sa.end_date IS NULL
