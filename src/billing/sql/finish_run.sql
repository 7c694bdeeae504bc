UPDATE bill_runs SET status = 'done', finished_at = :finished_at WHERE id = :run
