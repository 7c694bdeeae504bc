#pragma once
// The words staff find an account by (table account_search_words): the customer's name, the
// mailing address and every service address of the account (street, unit, city, 5-digit ZIP),
// folded to lower-case ASCII words (core/text_fold.h), plus the phone's 10 digits, the whole
// email address in lower case and the words of its part before the '@'. account_search.cc matches
// typed words against them.
//
// Every write that changes one of those facts rewrites the account's words in its own
// transaction (opening an account, starting service, changing contact details). Accounts written
// in bulk (the synthetic utility, a migration) and accounts of a database made before the index
// existed are indexed by index_unindexed_accounts, which `serve` runs on start.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace rp::accounts {

// What an account is found by, as stored.
struct SearchFacts {
  std::vector<std::string> texts;  // name, addresses: split into words
  std::string phone;               // any US form; indexed as its 10 digits when it is one
  std::string email;               // indexed whole, lower case
};

// The distinct words of `facts`, sorted.
std::vector<std::string> search_words_of(const SearchFacts& facts);

// Rewrites the words of every account of the person who holds account `account_id` (a person's
// name, phone and email are on each of their accounts), inside the caller's transaction.
Result<void> index_accounts_of_holder(store::Session& session, std::int64_t account_id);

// Indexes every account that has no words yet, in chunks of its own writes; yields how many.
Result<std::size_t> index_unindexed_accounts(store::Database& database);

}  // namespace rp::accounts
