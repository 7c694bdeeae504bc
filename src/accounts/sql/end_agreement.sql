-- Ends an open agreement on its last day of service.
UPDATE service_agreements SET end_date = :last_day WHERE id = :agreement AND end_date IS NULL
