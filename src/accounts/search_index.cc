#include "accounts/search_index.h"

#include <map>
#include <set>

#include "accounts/account_preferences.h"
#include "core/text_fold.h"
#include "store/bulk_insert.h"

namespace rp::accounts {
namespace {

const store::BulkTable kSearchWords{"account_search_words", {"word", "account_id"}};

constexpr std::int64_t kUnindexedPage = 5000;

// The facts of every account with an id in [first, last], by account id.
Result<std::map<std::int64_t, SearchFacts>> facts_of_accounts(store::Session& session,
                                                              std::int64_t first,
                                                              std::int64_t last) {
  auto rows = session.query_named("accounts/search_facts_of_accounts", {first, last, first, last});
  if (!rows.ok()) return rows.error();
  std::map<std::int64_t, SearchFacts> facts;
  for (const store::Row& row : *rows) {
    SearchFacts& of = facts[row.integer("account_id")];
    for (const char* column : {"name", "line1", "line2", "city"}) {
      std::string text = row.text(column);
      if (!text.empty()) of.texts.push_back(std::move(text));
    }
    of.texts.push_back(row.text("zip").substr(0, 5));
    if (of.phone.empty()) of.phone = row.text("phone");
    if (of.email.empty()) of.email = row.text("email");
  }
  return facts;
}

std::vector<store::Params> word_rows(std::int64_t account_id, const SearchFacts& facts) {
  std::vector<store::Params> rows;
  for (std::string& word : search_words_of(facts)) rows.push_back({std::move(word), account_id});
  return rows;
}

}  // namespace

std::vector<std::string> search_words_of(const SearchFacts& facts) {
  std::set<std::string> words;
  for (const std::string& text : facts.texts) {
    for (std::string& word : folded_words(text)) words.insert(std::move(word));
  }
  if (auto digits = us_phone_digits(facts.phone)) words.insert(*digits);
  if (!facts.email.empty()) {
    words.insert(fold_text(facts.email));
    // The start of an address typed without its '@' ("patricia.anderson2") is its words.
    for (std::string& word : folded_words(facts.email.substr(0, facts.email.find('@')))) {
      words.insert(std::move(word));
    }
  }
  return {words.begin(), words.end()};
}

Result<void> index_accounts_of_holder(store::Session& session, std::int64_t account_id) {
  auto accounts = session.query_named("accounts/accounts_of_holder", {account_id});
  if (!accounts.ok()) return accounts.error();
  for (const store::Row& account : *accounts) {
    std::int64_t id = account.integer("id");
    RP_TRY(session.execute_named("accounts/delete_search_words", {id}));
    auto facts = facts_of_accounts(session, id, id);
    if (!facts.ok()) return facts.error();
    for (const store::Params& row : word_rows(id, (*facts)[id])) {
      RP_TRY(session.execute_named("accounts/insert_search_word", row));
    }
  }
  return success();
}

Result<std::size_t> index_unindexed_accounts(store::Database& database) {
  std::size_t indexed = 0;
  std::int64_t after = 0;
  for (;;) {
    // Listed inside the write, so an account indexed meanwhile by its own write is not doubled.
    auto page =
        database.write_bulk<std::int64_t>([&](store::Session& session) -> Result<std::int64_t> {
          auto listed = session.query_named("accounts/unindexed_accounts", {after, kUnindexedPage});
          if (!listed.ok()) return listed.error();
          if (listed->empty()) return std::int64_t{0};
          std::int64_t first = listed->front().integer("id");
          std::int64_t last = listed->back().integer("id");
          auto facts = facts_of_accounts(session, first, last);
          if (!facts.ok()) return facts.error();
          std::vector<store::Params> rows;
          for (const store::Row& account : *listed) {
            std::int64_t id = account.integer("id");
            for (store::Params& row : word_rows(id, (*facts)[id])) rows.push_back(std::move(row));
          }
          RP_TRY(store::bulk_insert(session, kSearchWords, rows));
          indexed += listed->size();
          return last;
        });
    if (!page.ok()) return page.error();
    if (*page == 0) return indexed;
    after = *page;
  }
}

}  // namespace rp::accounts
