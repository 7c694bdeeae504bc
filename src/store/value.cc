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

}  // namespace rp::store
