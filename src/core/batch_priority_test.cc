#include "core/batch_priority.h"

#include <gtest/gtest.h>
#include <pthread.h>
#include <sched.h>

#include <thread>

namespace rp {
namespace {

int policy_of_this_thread() {
  int policy = -1;
  sched_param param{};
  pthread_getschedparam(pthread_self(), &policy, &param);
  return policy;
}

TEST(BatchPriority, OnlyTheCallingThreadBecomesBatchWork) {
  const int before = policy_of_this_thread();
  int in_batch_thread = -1;
  std::thread batch([&] {
    run_this_thread_as_batch_work();
    in_batch_thread = policy_of_this_thread();
  });
  batch.join();
  EXPECT_EQ(in_batch_thread, SCHED_IDLE);
  EXPECT_EQ(policy_of_this_thread(), before);
}

}  // namespace
}  // namespace rp
