#pragma once
// Errors are values. Every fallible operation in Ratepayer returns Result<T>: either a value or an
// Error that names what was wrong (and, for bad input, which field). Exceptions never cross a
// module boundary; code that calls a throwing library catches at its edge and returns an Error.

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "core/assert.h"

namespace rp {

enum class ErrorKind {
  invalid_input,  // the caller sent something malformed or out of range; names `field`
  not_found,      // the thing named does not exist (or the caller may not see it)
  conflict,       // the request contradicts current state (duplicate, stale, already done)
  overflow,       // an exact computation would not fit its representation
  unavailable,    // a dependency (database, processor) could not be reached; retrying may help
  throttled,      // too many attempts: the caller must wait retry_after_seconds
  internal,       // a defect or an unexpected failure; logged with context
};

// A short stable name for the kind ("invalid_input"), used in logs and problem types.
const char* error_kind_name(ErrorKind kind);

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string message;  // human sentence: what was wrong and, where useful, what to do
  std::string field;    // the input field at fault, empty when none applies
  // A stable name for this particular refusal ("password-too-short"), for clients that word it
  // themselves (the portal, in the customer's language); empty when none was given. Codes a
  // client relies on are listed in docs/openapi.yaml (Problem.code).
  std::string code;
  // For the server's log only, never a client: what a lower layer said (a database's own error
  // text, which names tables and constraints). Empty when `message` says it all.
  std::string log_detail;
  // throttled: seconds until an attempt is taken again (at least 1).
  long long retry_after_seconds = 0;

  // This error, named `name`: invalid_input("zip", "...").coded("zip-not-served").
  Error coded(std::string name) && {
    code = std::move(name);
    return std::move(*this);
  }
};

inline Error invalid_input(std::string field, std::string message) {
  return Error{ErrorKind::invalid_input, std::move(message), std::move(field), {}, {}, 0};
}
inline Error not_found(std::string message) {
  return Error{ErrorKind::not_found, std::move(message), {}, {}, {}, 0};
}
inline Error conflict(std::string message) {
  return Error{ErrorKind::conflict, std::move(message), {}, {}, {}, 0};
}
inline Error overflow(std::string message) {
  return Error{ErrorKind::overflow, std::move(message), {}, {}, {}, 0};
}
inline Error unavailable(std::string message) {
  return Error{ErrorKind::unavailable, std::move(message), {}, {}, {}, 0};
}
inline Error internal_error(std::string message) {
  return Error{ErrorKind::internal, std::move(message), {}, {}, {}, 0};
}
inline Error throttled(std::string message, long long retry_after_seconds) {
  Error error{ErrorKind::throttled, std::move(message), {}, {}, {}, 0};
  error.retry_after_seconds = retry_after_seconds < 1 ? 1 : retry_after_seconds;
  return error;
}

// Result<T> holds a T or an Error. Accessing value() of an error (or error() of a value) is a
// defect and asserts.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    RP_ASSERT(ok(), "value() of a Result holding an error");
    return std::get<0>(state_);
  }
  const T& value() const& {
    RP_ASSERT(ok(), "value() of a Result holding an error");
    return std::get<0>(state_);
  }
  T&& value() && {
    RP_ASSERT(ok(), "value() of a Result holding an error");
    return std::get<0>(std::move(state_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const {
    RP_ASSERT(!ok(), "error() of a Result holding a value");
    return std::get<1>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const {
    RP_ASSERT(!ok(), "error() of a Result holding a value");
    return *error_;
  }

 private:
  std::optional<Error> error_;
};

inline Result<void> success() {
  return {};
}

}  // namespace rp

// Returns the error of `expr` from the enclosing function when it failed.
#define RP_TRY(expr)                                         \
  do {                                                       \
    auto&& rp_try_result_ = (expr);                          \
    if (!rp_try_result_.ok()) return rp_try_result_.error(); \
  } while (0)
