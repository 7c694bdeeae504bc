DELETE FROM account_search_words WHERE account_id = :account_id
