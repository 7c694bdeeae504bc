SELECT COUNT(*) AS n FROM leak_alerts WHERE status = 'open'
