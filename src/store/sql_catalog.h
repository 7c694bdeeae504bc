#pragma once
// SQL lives in .sql files under src/<module>/sql/, reviewed as SQL and embedded in the binary at
// build time (cmake/EmbedSql.cmake). A query is named by its path: src/accounts/sql/search.sql is
// "accounts/search". An engine-specific variant sits beside it as search.postgresql.sql or
// search.sqlite.sql and wins for that engine.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/session.h"

namespace rp::store {

// Every embedded file, keyed by name (with any ".sqlite"/".postgresql" suffix kept).
const std::map<std::string, std::string, std::less<>>& embedded_sql();

// The text of query `name` for `engine`. Errors: internal when no such query exists (a defect).
Result<std::string_view> catalog_sql(std::string_view name, Engine engine);

// Names starting with `prefix`, sorted (used to list migrations).
std::vector<std::string> catalog_names_with_prefix(std::string_view prefix);

}  // namespace rp::store
