#include "store/sql_catalog.h"

namespace rp::store {

Result<std::string_view> catalog_sql(std::string_view name, Engine engine) {
  const auto& files = embedded_sql();
  std::string specific = std::string(name) + "." + engine_name(engine);
  if (auto found = files.find(specific); found != files.end())
    return std::string_view(found->second);
  if (auto found = files.find(name); found != files.end()) return std::string_view(found->second);
  return internal_error("no SQL named '" + std::string(name) + "' is embedded in this build");
}

std::vector<std::string> catalog_names_with_prefix(std::string_view prefix) {
  std::vector<std::string> names;
  for (const auto& [name, text] : embedded_sql()) {
    if (name.starts_with(prefix)) names.push_back(name);
  }
  return names;
}

}  // namespace rp::store
