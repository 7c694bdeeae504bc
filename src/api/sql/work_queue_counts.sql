-- How much waits in each staff work queue.
SELECT (SELECT COUNT(*) FROM bills WHERE status = 'held') AS bill_holds,
       (SELECT COUNT(*) FROM vee_exceptions WHERE status = 'open') AS vee_exceptions,
       (SELECT COUNT(*) FROM adjustments WHERE status = 'pending') AS adjustments,
       (SELECT COUNT(*) FROM lockbox_items WHERE status = 'suspense') AS lockbox_suspense,
       (SELECT COUNT(*) FROM payments WHERE status = 'pending') AS pending_payments,
       (SELECT COUNT(*) FROM bill_runs WHERE status = 'running') AS bill_runs_running,
       (SELECT COUNT(*) FROM leak_alerts WHERE status = 'open') AS possible_leaks,
       (SELECT COUNT(*) FROM service_orders WHERE kind = 'start_service'
          AND status NOT IN ('completed', 'cancelled')
          AND (window_start IS NULL OR status = 'failed')) AS start_applications
