-- SQLite runs one write transaction at a time: attempts are serialised already.
SELECT :email IS NOT NULL, :client_address IS NOT NULL
