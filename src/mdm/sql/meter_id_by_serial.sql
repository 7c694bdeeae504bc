SELECT id FROM meters WHERE serial = :serial
