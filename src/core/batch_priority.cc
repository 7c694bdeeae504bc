#include "core/batch_priority.h"

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#endif

namespace rp {

void run_this_thread_as_batch_work() {
#if defined(__linux__)
  sched_param none{};
  none.sched_priority = 0;  // SCHED_IDLE takes no static priority
  (void)pthread_setschedparam(pthread_self(), SCHED_IDLE, &none);
#endif
}

}  // namespace rp
