// Staff account search over a generated utility, in-process on a real database (SQLite file, or
// the PostgreSQL server named by the first argument; it must be empty): ACCOUNTS accounts (default
// 100,000), the first 2,000 with three months of usage, bills and payments so that bill numbers
// and payment confirmations exist. Then 2,600 searches as a CSR types them, 200 of each kind, drawn
// from the data with a fixed seed, one at a time after a warm-up: per kind and overall, p50, p95
// and the most. Goal (issue: the staff console): p95 at most 50 ms over 100,000 accounts.
// usage: account_search_bench [DATABASE_URL] [ACCOUNTS]   Prints JSON.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "accounts/account_service.h"
#include "app/generate.h"
#include "bench_database.h"
#include "bench_support.h"
#include "core/account_number.h"
#include "core/text_fold.h"
#include "store/database.h"
#include "store/migrations.h"

using namespace rp;
using bench::fail;

namespace {

struct Typed {
  std::string kind;
  std::string text;
};

std::vector<std::string> column(store::Database& db, const std::string& sql) {
  auto rows = db.read<store::Rows>([&](store::Session& s) { return s.query(sql); });
  if (!rows.ok()) fail("sample", rows.error().message);
  std::vector<std::string> values;
  for (const auto& row : *rows) values.push_back(row.text(std::size_t{0}));
  return values;
}

// "+15415550134" -> "(541) 555-0134": how a caller reads a number out.
std::string spoken_phone(const std::string& stored) {
  std::string d = stored.substr(stored.size() - 10);
  return "(" + d.substr(0, 3) + ") " + d.substr(3, 3) + "-" + d.substr(6);
}

// "José Peña López" -> "pena jose": the family name first, without accents.
std::string reversed_plain(const std::string& name) {
  auto words = folded_words(name);
  return words.size() < 2 ? words.at(0) : words[1] + " " + words[0];
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[at];
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t accounts = argc > 2 ? std::stoul(argv[2]) : 100000;
  const auto database = bench::open_bench_database(argc > 1 ? argv[1] : "", "rp-search-bench");
  store::Database& db = *database;

  const auto generating = std::chrono::steady_clock::now();
  app::GenerateOptions billed;
  billed.accounts = std::min<std::size_t>(2000, accounts);
  billed.usage_months = 3;
  if (auto made = app::generate_utility(db, billed); !made.ok())
    fail("generate", made.error().message);
  if (accounts > billed.accounts) {
    app::GenerateOptions rest;
    rest.accounts = accounts - billed.accounts;
    rest.seed = 2;
    if (auto made = app::generate_utility(db, rest); !made.ok()) {
      fail("generate", made.error().message);
    }
  }
  const double generate_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - generating).count();

  std::mt19937_64 random(7);
  auto pick = [&](const std::vector<std::string>& from) {
    if (from.empty()) fail("sample", "nothing to search for");
    return from[random() % from.size()];
  };
  const auto numbers = column(db, "SELECT number FROM accounts");
  const auto names = column(db, "SELECT name FROM persons");
  const auto phones = column(db, "SELECT phone FROM persons WHERE phone IS NOT NULL");
  const auto emails = column(db, "SELECT email FROM persons WHERE email IS NOT NULL");
  const auto streets = column(db, "SELECT line1 FROM premises");
  const auto street_cities = column(db, "SELECT line1 || ' ' || city FROM premises");
  const auto zips = column(db, "SELECT zip FROM premises");
  const auto serials = column(db, "SELECT serial FROM meters");
  const auto bills = column(db, "SELECT CAST(number AS TEXT) FROM bills WHERE number >= 10");
  const auto confirmations = column(db, "SELECT confirmation FROM payments");
  const std::vector<std::string> starts = {"ma", "jo", "sa", "el", "wi", "ro", "ca", "da"};

  std::vector<Typed> typed;
  for (int i = 0; i < 200; ++i) {
    auto number = AccountNumber::parse(pick(numbers));
    typed.push_back({"account_number", number->formatted()});
    typed.push_back({"name", pick(names)});
    typed.push_back({"name_reversed_without_accents", reversed_plain(pick(names))});
    typed.push_back({"phone", spoken_phone(pick(phones))});
    typed.push_back({"email", pick(emails)});
    typed.push_back({"street", pick(streets)});
    typed.push_back({"street_and_city", pick(street_cities)});
    typed.push_back({"zip", pick(zips)});
    typed.push_back({"meter_serial", pick(serials)});
    typed.push_back({"bill_number", pick(bills)});
    typed.push_back({"payment_confirmation", pick(confirmations)});
    typed.push_back({"two_letters", pick(starts)});
    typed.push_back({"family_name", folded_words(pick(names)).back()});
  }
  std::shuffle(typed.begin(), typed.end(), random);

  for (int i = 0; i < 200; ++i) {  // warm the caches and the statement caches
    (void)accounts::search_accounts(db, {typed[static_cast<std::size_t>(i)].text, 20, 0});
  }
  std::map<std::string, std::vector<double>> by_kind;
  std::vector<double> all;
  std::map<std::string, std::size_t> empty_pages;
  for (const Typed& one : typed) {
    const auto started = std::chrono::steady_clock::now();
    auto page = accounts::search_accounts(db, {one.text, 20, 0});
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    if (!page.ok()) fail("search '" + one.text + "'", page.error().message);
    if (page->hits.empty()) ++empty_pages[one.kind];
    by_kind[one.kind].push_back(ms);
    all.push_back(ms);
  }

  std::printf(
      "{\"database\": \"%s\", \"accounts\": %zu, \"generate_s\": %.1f, \"searches\": %zu,\n",
      db.engine() == store::Engine::sqlite ? "sqlite" : "postgresql", accounts, generate_s,
      all.size());
  std::printf(" \"p50_ms\": %.2f, \"p95_ms\": %.2f, \"max_ms\": %.2f, \"by_kind\": {\n",
              percentile(all, 0.5), percentile(all, 0.95), percentile(all, 1.0));
  std::size_t i = 0;
  for (const auto& [kind, values] : by_kind) {
    std::printf(
        "  \"%s\": {\"p50_ms\": %.2f, \"p95_ms\": %.2f, \"max_ms\": %.2f, \"no_hit\": %zu}%s\n",
        kind.c_str(), percentile(values, 0.5), percentile(values, 0.95), percentile(values, 1.0),
        empty_pages[kind], ++i < by_kind.size() ? "," : "");
  }
  std::printf("}}\n");
  return 0;
}
