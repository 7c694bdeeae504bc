#pragma once
// RP_ASSERT(condition, "what the caller broke"): checks a precondition a header states, in every
// build (release included; an assertion compiled out protects nobody). A failure is a defect in
// the caller: it prints the message with the file and line to stderr and aborts.

namespace rp::detail {
[[noreturn]] void assertion_failed(const char* condition, const char* message, const char* file,
                                   int line);
}  // namespace rp::detail

#define RP_ASSERT(condition, message)                                            \
  do {                                                                           \
    if (!(condition)) {                                                          \
      ::rp::detail::assertion_failed(#condition, (message), __FILE__, __LINE__); \
    }                                                                            \
  } while (false)
