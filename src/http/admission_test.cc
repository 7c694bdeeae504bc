#include "http/admission.h"

#include <gtest/gtest.h>

#include <vector>

#include <nlohmann/json.hpp>

namespace rp::http {
namespace {

using namespace std::chrono_literals;

Request request_of(const std::string& method, const std::string& path) {
  Request request;
  request.method = method;
  request.path = path;
  request.target = path;
  return request;
}

TEST(Admission, AWriteIsRefusedWhileTheWritersQueueIsPastTheBudget) {
  std::chrono::microseconds delay = 10ms;
  Admission admission({50ms, 0, 0, [&] { return delay; }, {}});
  Response refusal;
  const Request pay = request_of("POST", "/api/v1/accounts/100000017/payments");
  EXPECT_TRUE(admission.admit(pay, refusal));

  delay = 80ms;
  EXPECT_FALSE(admission.admit(pay, refusal));
  EXPECT_EQ(refusal.status, 503);
  EXPECT_EQ(refusal.header("Retry-After"), "1");
  EXPECT_EQ(nlohmann::json::parse(refusal.body)["type"],
            "https://ratepayer.dev/problems/overloaded");
  EXPECT_EQ(admission.stats().refused_writer_busy, 1u);

  // Reads, static files and writes outside the API are not refused for the writer.
  EXPECT_TRUE(admission.admit(request_of("GET", "/api/v1/accounts/100000017/summary"), refusal));
  EXPECT_TRUE(admission.admit(request_of("HEAD", "/api/v1/utility"), refusal));
  EXPECT_TRUE(admission.admit(request_of("POST", "/not-api"), refusal));
}

TEST(Admission, WritesInFlightAreBoundedSoThreadsAreLeftForReads) {
  Admission admission({0us, 2, 0, {}, {}});
  Response refusal;
  const Request pay = request_of("PUT", "/api/v1/accounts/100000017/autopay");
  std::optional<Admission::Pass> first = admission.admit(pay, refusal);
  std::optional<Admission::Pass> second = admission.admit(pay, refusal);
  ASSERT_TRUE(first && second);
  EXPECT_FALSE(admission.admit(pay, refusal));
  EXPECT_EQ(refusal.status, 503);
  EXPECT_EQ(admission.stats().refused_writes_in_flight, 1u);
  EXPECT_TRUE(admission.admit(request_of("GET", "/api/v1/utility"), refusal));
  first.reset();  // one finished: room for the next
  EXPECT_TRUE(admission.admit(pay, refusal));
  EXPECT_EQ(admission.stats().writes_admitted, 3u);
}

TEST(Admission, TheWriteLimitShrinksWhenWritesTakeLongerThanAQuarterOfTheBudgetAndGrowsBack) {
  std::chrono::steady_clock::time_point clock{std::chrono::seconds(1000)};
  AdmissionOptions options{50ms, 16, 0, {}, [&] { return clock; }};
  Admission admission(options);
  Response refusal;
  const Request pay = request_of("POST", "/api/v1/accounts/100000017/payments");
  EXPECT_EQ(admission.stats().write_limit, 16u);
  {
    std::vector<Admission::Pass> running;
    for (int i = 0; i < 16; ++i) running.push_back(*admission.admit(pay, refusal));
    EXPECT_FALSE(admission.admit(pay, refusal)) << "the 17th is past the bound";
    clock += 80ms;  // they all take 80 ms: past the 50 ms budget
  }
  // One slow moment is one cut, by a quarter.
  EXPECT_EQ(admission.stats().write_limit, 12u);
  {
    std::vector<Admission::Pass> running;
    for (int i = 0; i < 12; ++i) running.push_back(*admission.admit(pay, refusal));
    EXPECT_FALSE(admission.admit(pay, refusal));
    EXPECT_EQ(refusal.status, 503);
    clock += 10ms;  // answered within a quarter of the budget (12.5 ms)
  }
  // Writes answered in time let the limit grow back, about one per limit's worth.
  for (int round = 0; round < 200; ++round) {
    auto pass = admission.admit(pay, refusal);
    ASSERT_TRUE(pass);
    clock += 1ms;
  }
  EXPECT_EQ(admission.stats().write_limit, 16u);
}

TEST(Admission, WritesAnsweredWithinTheBudgetButPastAQuarterOfItCutTheLimit) {
  // Aiming at the budget itself let the slowest writes take one and a half budgets.
  std::chrono::steady_clock::time_point clock{std::chrono::seconds(1000)};
  Admission admission({40ms, 16, 0, {}, [&] { return clock; }});
  Response refusal;
  const Request pay = request_of("POST", "/api/v1/accounts/100000017/payments");
  {
    std::vector<Admission::Pass> running;
    for (int i = 0; i < 16; ++i) running.push_back(*admission.admit(pay, refusal));
    clock += 15ms;  // within the 40 ms budget, past its quarter
  }
  EXPECT_EQ(admission.stats().write_limit, 12u);
}

TEST(Admission, ReadsInFlightAreBoundedSoAThreadIsAlwaysFreeToAnswer) {
  Admission admission({0us, 0, 2, {}, {}});
  Response refusal;
  const Request summary = request_of("GET", "/api/v1/accounts/100000017/summary");
  std::optional<Admission::Pass> first = admission.admit(summary, refusal);
  std::optional<Admission::Pass> second = admission.admit(summary, refusal);
  ASSERT_TRUE(first && second);
  EXPECT_FALSE(admission.admit(summary, refusal));
  EXPECT_EQ(refusal.status, 503);
  EXPECT_EQ(admission.stats().refused_reads_in_flight, 1u);
  // Static files and /healthz are not counted.
  EXPECT_TRUE(admission.admit(request_of("GET", "/healthz"), refusal));
  EXPECT_TRUE(admission.admit(request_of("GET", "/assets/portal.js"), refusal));
  // Writes have their own bound.
  EXPECT_TRUE(admission.admit(request_of("POST", "/api/v1/accounts/100000017/payments"), refusal));
  second.reset();
  EXPECT_TRUE(admission.admit(summary, refusal));
}

TEST(Admission, AWriteSlowOnItsOwnDoesNotCutTheLimit) {
  std::chrono::steady_clock::time_point clock{std::chrono::seconds(1000)};
  Admission admission({50ms, 16, 0, {}, [&] { return clock; }});
  Response refusal;
  const Request sign_in = request_of("POST", "/api/v1/auth/sign-in");
  for (int i = 0; i < 20; ++i) {
    auto pass = admission.admit(sign_in, refusal);  // one at a time, each hashing a password
    ASSERT_TRUE(pass);
    clock += 300ms;
  }
  EXPECT_EQ(admission.stats().write_limit, 16u);
}

TEST(Admission, WithoutOptionsNothingIsRefused) {
  Admission admission({});
  Response refusal;
  for (int i = 0; i < 1000; ++i) {
    EXPECT_TRUE(admission.admit(request_of("POST", "/api/v1/auth/sign-in"), refusal));
  }
}

}  // namespace
}  // namespace rp::http
