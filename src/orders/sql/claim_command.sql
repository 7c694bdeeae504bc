-- Claims the order's command before it is sent (nothing when another server claimed it first).
INSERT INTO head_end_commands (order_id, command, meter_serial, status, sent_at, expires_at)
VALUES (:order, :command, :meter, 'pending', :sent_at, :expires_at)
ON CONFLICT (order_id) DO NOTHING
