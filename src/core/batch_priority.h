#pragma once

namespace rp {

// Marks the calling thread as batch work (a bill run's reading and drafting, a generator): on
// Linux it joins SCHED_IDLE, so it runs on what customer requests leave of the CPU and a payment
// or a page never waits for a core behind it. The batch still finishes, only later when the
// server is busy. Affects this thread only, for the rest of its life; threads it starts inherit
// it. Best effort: where the system refuses, the thread keeps its priority and nothing fails.
void run_this_thread_as_batch_work();

}  // namespace rp
