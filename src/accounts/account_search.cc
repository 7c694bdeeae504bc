// Staff account search: by account number, ZIP code, or part of a name or service address.

#include <algorithm>
#include <cctype>

#include "accounts/account_service.h"

namespace rp::accounts {
namespace {

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

std::string lower_trimmed(std::string_view text) {
  std::string out;
  for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

// '%' + text + '%' with LIKE's wildcards escaped so they match themselves.
std::string contains_pattern(std::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

struct SearchQuery {
  const char* name;
  store::Params params;
};

SearchQuery choose_query(const AccountSearch& search, const std::string& text) {
  std::int64_t after = search.after_id;
  auto limit = static_cast<std::int64_t>(search.limit + 1);  // one extra tells if more follow
  std::string digits = digits_only(text);
  if (digits.size() == 9) return {"accounts/search_by_number", {digits, after, limit}};
  bool zip_plus_four = text.size() == 10 && text[5] == '-';
  if (digits.size() == 5 || (digits.size() == 9 && zip_plus_four)) {
    std::string zip = text.substr(0, 5);
    return {"accounts/search_by_zip", {after, zip, zip, limit}};
  }
  std::string pattern = contains_pattern(text);
  return {"accounts/search_by_text", {after, pattern, pattern, limit}};
}

AccountSearchHit hit_from(const store::Row& row) {
  AccountSearchHit hit{.id = row.integer("id"),
                       .account_number = row.text("number"),
                       .customer_name = row.text("customer_name"),
                       .status = row.text("status"),
                       .service_address = std::nullopt,
                       .balance = Money::from_cents(row.integer("balance_cents"))};
  if (!row.is_null("line1")) {
    hit.service_address = Address{row.text("line1"), row.text("line2"), row.text("city"),
                                  row.text("state"), row.text("zip")};
  }
  return hit;
}

}  // namespace

Result<AccountSearchPage> search_accounts(store::Database& database, const AccountSearch& search) {
  std::string text = lower_trimmed(search.text);
  if (text.size() < 2) {
    return invalid_input("q",
                         "type at least 2 characters: an account number, ZIP code, name or "
                         "service address");
  }
  if (search.limit < 1 || search.limit > 100) {
    return invalid_input("limit", "limit must be between 1 and 100");
  }
  SearchQuery query = choose_query(search, text);
  return database.read<AccountSearchPage>(
      [&](store::Session& session) -> Result<AccountSearchPage> {
        auto rows = session.query_named(query.name, query.params);
        if (!rows.ok()) return rows.error();
        AccountSearchPage page;
        for (const store::Row& row : *rows) page.hits.push_back(hit_from(row));
        if (page.hits.size() > search.limit) {
          page.hits.pop_back();
          page.next_after_id = page.hits.back().id;
        }
        return page;
      });
}

}  // namespace rp::accounts
