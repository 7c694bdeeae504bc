-- Records the service points of the account's open services (of one commodity, or all when
-- :commodity is '') as connected or disconnected; placeholders bind by position.
UPDATE service_points SET connection = :connection
WHERE id IN (SELECT sa.service_point_id FROM service_agreements sa
             JOIN service_points sp ON sp.id = sa.service_point_id
             WHERE sa.account_id = :account AND sa.end_date IS NULL
               AND (:commodity = '' OR sp.commodity = :commodity_again))
