-- The words staff search accounts by (accounts/search_index.h): the customer's name, the mailing
-- and service addresses (street, unit, city, ZIP), the phone's 10 digits and the email, folded to
-- lower-case ASCII ("Gómez" -> "gomez"). A search matches each typed word as the start of one of an
-- account's words, in any order. Rewritten for an account whenever one of them changes. Byte order
-- (COLLATE "C") so that a prefix is one range of the index.
CREATE TABLE account_search_words (
  word TEXT COLLATE "C" NOT NULL,
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  PRIMARY KEY (word, account_id)
);
CREATE INDEX account_search_words_by_account ON account_search_words (account_id, word);

