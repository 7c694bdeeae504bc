// Staff account search (account_service.h): exact identifiers first, then the search words
// (search_index.h) a page at a time.

#include <algorithm>
#include <cctype>
#include <set>

#include "accounts/account_preferences.h"
#include "accounts/account_service.h"
#include "core/text_fold.h"

namespace rp::accounts {
namespace {

constexpr std::size_t kMostWords = 8;

// Every word of the index that starts with `prefix` sorts in [prefix, prefix + U+10FFFF): the
// largest code point, valid UTF-8 on both engines, above any character a word can continue with.
const std::string kAfterEveryContinuation = "\xF4\x8F\xBF\xBF";

std::string trimmed(std::string_view text) {
  auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

// The digits of text made only of digits, spaces and dashes; empty otherwise.
std::string digits_only(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
    } else if (c != ' ' && c != '-') {
      return {};
    }
  }
  return digits;
}

bool is_confirmation(std::string_view text) {
  return text.size() >= 2 && (text[0] == 'P' || text[0] == 'p') &&
         std::all_of(text.begin() + 1, text.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

bool has_letter(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

AccountSearchHit hit_from(const store::Row& row, const std::string& matched_on) {
  AccountSearchHit hit{.id = row.integer("id"),
                       .account_number = row.text("number"),
                       .customer_name = row.text("customer_name"),
                       .status = row.text("status"),
                       .service_address = std::nullopt,
                       .balance = Money::from_cents(row.integer("balance_cents")),
                       .matched_on = matched_on};
  if (!row.is_null("line1")) {
    hit.service_address = Address{row.text("line1"), row.text("line2"), row.text("city"),
                                  row.text("state"), row.text("zip")};
  }
  return hit;
}

struct IdentifierLookup {
  const char* query;
  store::Params params;
  const char* matched_on;
};

// The exact identifiers the text could be, each looked up on its own.
std::vector<IdentifierLookup> identifier_lookups(const std::string& text) {
  std::vector<IdentifierLookup> lookups;
  std::string digits = digits_only(text);
  if (digits.size() == 9) {
    lookups.push_back({"accounts/find_by_account_number", {digits}, "account_number"});
  }
  if (!digits.empty() && digits.size() <= 18 && digits == text) {
    lookups.push_back({"accounts/find_by_bill_number", {std::stoll(digits)}, "bill_number"});
  }
  if (is_confirmation(text)) {
    lookups.push_back({"accounts/find_by_confirmation", {upper(text)}, "payment_confirmation"});
  }
  if (text.find(' ') == std::string::npos && text.find('@') == std::string::npos) {
    lookups.push_back({"accounts/find_by_meter_serial", {text, upper(text)}, "meter_serial"});
  }
  return lookups;
}

// The words the index is asked for: a phone's 10 digits, an email whole, or the typed words.
struct WordSearch {
  std::vector<std::string> prefixes;
  const char* matched_on;
};

Result<WordSearch> word_search(const std::string& text) {
  if (!has_letter(text)) {
    if (auto phone = us_phone_digits(text)) return WordSearch{{*phone}, "phone"};
  }
  if (text.find('@') != std::string::npos && text.find(' ') == std::string::npos) {
    return WordSearch{{fold_text(text)}, "email"};
  }
  std::vector<std::string> words = folded_words(text);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  if (words.empty()) {
    return invalid_input("q",
                         "type a name, address, phone, email, or an account, bill, "
                         "payment or meter number: '" +
                             text + "' has no letter or digit");
  }
  if (words.size() > kMostWords) {
    return invalid_input("q",
                         "type at most 8 words (" + std::to_string(words.size()) + " were typed)");
  }
  // The longest word drives the search: it usually matches the fewest accounts.
  std::stable_sort(words.begin(), words.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return WordSearch{words, "name_or_address"};
}

// Accounts with a word starting with each prefix, after `after_id`, in id order.
std::string word_search_sql(std::size_t prefixes) {
  std::string sql =
      "SELECT id, number, customer_name, status, line1, line2, city, state, zip, balance_cents "
      "FROM account_overview WHERE id IN ("
      "SELECT DISTINCT w0.account_id FROM account_search_words w0 "
      "WHERE w0.word >= :from0 AND w0.word < :to0 AND w0.account_id > :after";
  for (std::size_t i = 1; i < prefixes; ++i) {
    std::string w = "w" + std::to_string(i);
    sql += " AND EXISTS (SELECT 1 FROM account_search_words " + w + " WHERE " + w +
           ".account_id = w0.account_id AND " + w + ".word >= :from" + std::to_string(i) + " AND " +
           w + ".word < :to" + std::to_string(i) + ")";
  }
  return sql + " ORDER BY w0.account_id LIMIT :limit) ORDER BY id";
}

store::Params word_search_params(const WordSearch& search, std::int64_t after, std::int64_t limit) {
  store::Params params{search.prefixes[0], search.prefixes[0] + kAfterEveryContinuation, after};
  for (std::size_t i = 1; i < search.prefixes.size(); ++i) {
    params.push_back(search.prefixes[i]);
    params.push_back(search.prefixes[i] + kAfterEveryContinuation);
  }
  params.push_back(limit);
  return params;
}

}  // namespace

Result<AccountSearchPage> search_accounts(store::Database& database, const AccountSearch& search) {
  std::string text = trimmed(search.text);
  if (text.size() < 2) {
    return invalid_input("q",
                         "type at least 2 characters: a name, address, phone, email, or an "
                         "account, bill, payment or meter number");
  }
  if (search.limit < 1 || search.limit > 100) {
    return invalid_input("limit", "limit must be between 1 and 100");
  }
  auto words = word_search(text);
  if (!words.ok()) return words.error();
  return database.read<AccountSearchPage>(
      [&](store::Session& session) -> Result<AccountSearchPage> {
        AccountSearchPage page;
        std::set<std::int64_t> found;
        if (search.after_id == 0) {
          for (const IdentifierLookup& lookup : identifier_lookups(text)) {
            auto rows = session.query_named(lookup.query, lookup.params);
            if (!rows.ok()) return rows.error();
            for (const store::Row& row : *rows) {
              if (found.insert(row.integer("id")).second) {
                page.hits.push_back(hit_from(row, lookup.matched_on));
              }
            }
          }
        }
        auto limit = static_cast<std::int64_t>(search.limit + 1);  // one extra tells if more follow
        auto rows = session.query(word_search_sql(words->prefixes.size()),
                                  word_search_params(*words, search.after_id, limit));
        if (!rows.ok()) return rows.error();
        std::size_t listed = 0;
        std::int64_t last_listed = search.after_id;
        for (const store::Row& row : *rows) {
          if (++listed > search.limit) {
            page.next_after_id = last_listed;
            break;
          }
          last_listed = row.integer("id");
          if (found.insert(last_listed).second) {
            page.hits.push_back(hit_from(row, words->matched_on));
          }
        }
        return page;
      });
}

}  // namespace rp::accounts
