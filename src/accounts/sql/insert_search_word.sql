INSERT INTO account_search_words (word, account_id) VALUES (:word, :account_id)
