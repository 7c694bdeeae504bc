-- SQLite runs one write transaction at a time: counting is serialised already.
SELECT :kind IS NOT NULL, :subject IS NOT NULL
