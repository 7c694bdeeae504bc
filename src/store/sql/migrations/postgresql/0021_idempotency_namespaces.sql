-- Idempotency keys move into two namespaces (core/idempotency_key.h): "system:<job>:<item>" for
-- the server's own jobs and "client:<scope>:<key>" for what clients send. Keys written before
-- have no scope; they are kept, marked legacy, so an old key is never mistaken for a new one.
-- The jobs' own payments are those the jobs link (or, while still pending, their channel and key
-- shape say so); everything else was sent by a client.
UPDATE payments SET idempotency_key = 'system:' || idempotency_key
  WHERE id IN (SELECT payment_id FROM scheduled_payments WHERE payment_id IS NOT NULL)
     OR id IN (SELECT payment_id FROM autopay_bills WHERE payment_id IS NOT NULL)
     OR (channel = 'autopay' AND idempotency_key LIKE 'autopay:%')
     OR (channel = 'lockbox' AND idempotency_key LIKE 'lockbox:%')
     OR (status = 'pending' AND idempotency_key LIKE 'scheduled:%');
UPDATE payments SET idempotency_key = 'client:legacy:' || idempotency_key
  WHERE idempotency_key NOT LIKE 'system:%';
UPDATE adjustments SET idempotency_key = 'client:legacy:' || idempotency_key;
UPDATE refunds SET idempotency_key = 'client:legacy:' || idempotency_key;

-- A scheduled payment the job could not pay says why (a payment that was refused says it too).
ALTER TABLE scheduled_payments ADD COLUMN failure_reason TEXT;
