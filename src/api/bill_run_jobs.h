#pragma once
// Bill runs started over the staff API run on a background thread of the server, so the request
// that starts one answers at once with the run's id and staff watch its progress by polling.
// Billing is chunked (bill_run.h), so portal reads and payments keep flowing while it runs.

#include <atomic>
#include <cstdint>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "billing/bill_run.h"
#include "store/database.h"

namespace rp::api {

class BillRunJobs {
 public:
  explicit BillRunJobs(store::Database& database) : database_(database) {}
  // Asks every running run to stop after its current chunk (it stays 'running', to be resumed by
  // starting it again) and waits for the threads.
  ~BillRunJobs();
  BillRunJobs(const BillRunJobs&) = delete;
  BillRunJobs& operator=(const BillRunJobs&) = delete;

  // Validates the request, finds or starts its run and returns its progress as it stands; unless
  // the run is already billing in this server, bills it on a background thread. A run that is
  // done is billed again too: that only drafts accounts it has not billed (a cancelled bill, an
  // earlier problem) and changes nothing otherwise. Errors: those of billing::open_bill_run
  // (nothing started).
  Result<billing::BillRunProgress> start(const billing::BillRunRequest& request);

  // Whether run `run_id` is billing in this server now.
  bool is_billing(std::int64_t run_id);

 private:
  void bill(billing::BillRunRequest request, std::int64_t run_id);

  store::Database& database_;
  std::mutex mutex_;
  std::set<std::int64_t> billing_;
  std::vector<std::thread> threads_;
  std::atomic<bool> stopping_{false};
};

}  // namespace rp::api
