#pragma once
// Values crossing the store boundary. Only what Ratepayer stores: SQL NULL, 64-bit integers
// (cents, ids, fixed-point raw values) and text (names, ISO dates and instants, JSON).
// There is deliberately no floating-point alternative.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace rp::store {

struct Null {
  bool operator==(const Null&) const = default;
};
using Value = std::variant<Null, std::int64_t, std::string>;

// The names of a result's columns, as its SELECT gives them (an alias, or the column's own name),
// shared by every row of the result.
using ColumnNames = std::shared_ptr<const std::vector<std::string>>;

// One result row. Accessors convert where the engine reports a different representation
// (SQLite reports expression results untyped; both engines may report an integer as text).
// Read columns by name: a reordered or extended SELECT cannot then misread a row. Reading by
// position remains for rows built without names.
class Row {
 public:
  explicit Row(std::vector<Value> columns, ColumnNames names = nullptr)
      : columns_(std::move(columns)), names_(std::move(names)) {}

  std::size_t size() const { return columns_.size(); }
  bool is_null(std::size_t column) const;
  // The integer in `column`; 0 for NULL. A non-numeric text value is a defect and asserts.
  std::int64_t integer(std::size_t column) const;
  // The text in `column`; "" for NULL; integers are rendered in decimal.
  std::string text(std::string_view column) const { return text(index_of(column)); }
  std::string text(std::size_t column) const;
  const Value& value(std::size_t column) const { return columns_.at(column); }

  // The same by the column's name (ASCII case-insensitive, as PostgreSQL folds unquoted names).
  // A name the result does not have, or has twice, is a defect in the query and asserts.
  bool is_null(std::string_view column) const { return is_null(index_of(column)); }
  std::int64_t integer(std::string_view column) const { return integer(index_of(column)); }
  std::size_t index_of(std::string_view column) const;
  // The name of `column` as the SELECT gives it; "" for rows built without names.
  std::string_view column_name(std::size_t column) const {
    return names_ && column < names_->size() ? std::string_view((*names_)[column])
                                             : std::string_view();
  }

 private:
  std::vector<Value> columns_;
  ColumnNames names_;
};
using Rows = std::vector<Row>;

// Parameters are bound in order to the statement's placeholders (:name, bound by position).
using Params = std::vector<Value>;

inline Value text_or_null(std::string_view text) {
  if (text.empty()) return Null{};
  return std::string(text);
}

}  // namespace rp::store
