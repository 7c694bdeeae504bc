UPDATE ingests
SET accepted = :accepted, estimated = :estimated, exceptions = :exceptions, rejected = :rejected,
    status = 'done'
WHERE id = :id
