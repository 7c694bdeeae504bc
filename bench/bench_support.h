#pragma once
// What the in-process benchmarks share: timing a call, and giving up with the reason.

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

namespace rp::bench {

// The mean time of one call of `f`, in microseconds, over `times` calls.
template <typename F>
double microseconds_each(int times, F&& f) {
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < times; ++i) f();
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - started)
             .count() /
         times;
}

// Prints "what: why" and ends the benchmark with exit status 1.
[[noreturn]] inline void fail(const std::string& what, const std::string& why) {
  std::cerr << what << ": " << why << "\n";
  std::exit(1);
}

}  // namespace rp::bench
