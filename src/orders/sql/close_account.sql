-- Closes account :id on local day :day, if it is still active (another server may have closed it).
UPDATE accounts SET status = 'closed', closed_on = :day WHERE id = :id AND status = 'active'
