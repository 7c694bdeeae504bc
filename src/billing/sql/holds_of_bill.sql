-- Why a bill was held, and what staff answered.
SELECT id, service_agreement_id, reason, evidence, status, created_at, resolved_at, resolved_by,
       resolution_note
FROM bill_holds WHERE bill_id = :bill ORDER BY id
