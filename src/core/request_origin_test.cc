#include "core/request_origin.h"

#include <gtest/gtest.h>

#include <thread>

namespace rp {
namespace {

TEST(RequestOrigin, IsEmptyOutsideARequest) {
  EXPECT_EQ(current_request_origin().request_id, "");
  EXPECT_EQ(current_request_origin().client_address, "");
}

TEST(RequestOrigin, HoldsForTheScopeAndRestoresTheOneBefore) {
  {
    ScopedRequestOrigin outer({"192.0.2.1", "phone", "req-1"});
    EXPECT_EQ(current_request_origin().request_id, "req-1");
    {
      ScopedRequestOrigin inner({"192.0.2.2", "desk", "req-2"});
      EXPECT_EQ(current_request_origin().client_address, "192.0.2.2");
    }
    EXPECT_EQ(current_request_origin().request_id, "req-1");
    EXPECT_EQ(current_request_origin().user_agent, "phone");
  }
  EXPECT_EQ(current_request_origin().request_id, "");
}

TEST(RequestOrigin, BelongsToOneThread) {
  ScopedRequestOrigin here({"192.0.2.1", "phone", "req-1"});
  std::string seen = "unset";
  std::thread([&] { seen = current_request_origin().request_id; }).join();
  EXPECT_EQ(seen, "");
}

}  // namespace
}  // namespace rp
