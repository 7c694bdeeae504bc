-- The premises with electric service now of the accounts whose holder's phone is :digits (its
-- 10 digits, as the account search index keeps it), with one such account each.
SELECT sp.premise_id, MIN(sa.account_id) AS account_id
FROM account_search_words w
JOIN service_agreements sa ON sa.account_id = w.account_id AND sa.end_date IS NULL
JOIN service_points sp ON sp.id = sa.service_point_id AND sp.commodity = 'electric'
WHERE w.word = :digits
GROUP BY sp.premise_id
LIMIT 2
