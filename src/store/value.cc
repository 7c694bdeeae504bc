#include "store/value.h"
#include "core/assert.h"

#include <charconv>

namespace rp::store {

bool Row::is_null(std::size_t column) const {
  return std::holds_alternative<Null>(columns_.at(column));
}

std::int64_t Row::integer(std::size_t column) const {
  const Value& value = columns_.at(column);
  if (const auto* number = std::get_if<std::int64_t>(&value)) return *number;
  if (const auto* text = std::get_if<std::string>(&value)) {
    std::int64_t parsed = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), parsed);
    RP_ASSERT(error == std::errc() && end == text->data() + text->size(),
              "an integer column holds digits");
    return parsed;
  }
  return 0;
}

std::string Row::text(std::size_t column) const {
  const Value& value = columns_.at(column);
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  return {};
}

namespace {

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

std::size_t Row::index_of(std::string_view column) const {
  RP_ASSERT(names_ != nullptr, "a row read by column name carries its result's column names");
  std::size_t found = names_->size();
  for (std::size_t i = 0; i < names_->size(); ++i) {
    if (!same_name((*names_)[i], column)) continue;
    RP_ASSERT(found == names_->size(), "a column read by name is named once in its query");
    found = i;
  }
  RP_ASSERT(found < names_->size(), "a column read by name is in its query's result");
  return found;
}

}  // namespace rp::store
