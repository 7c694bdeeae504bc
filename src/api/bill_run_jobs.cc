#include "api/bill_run_jobs.h"

#include <spdlog/spdlog.h>

namespace rp::api {

BillRunJobs::~BillRunJobs() {
  stopping_ = true;
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(mutex_);
    threads.swap(threads_);
  }
  for (std::thread& thread : threads) thread.join();
}

Result<billing::BillRunProgress> BillRunJobs::start(const billing::BillRunRequest& request) {
  auto progress = billing::open_bill_run(database_, request);
  RP_TRY(progress);
  std::lock_guard lock(mutex_);
  if (stopping_ || !billing_.insert(progress->run_id).second) return progress;
  threads_.emplace_back([this, request, run_id = progress->run_id] { bill(request, run_id); });
  return progress;
}

bool BillRunJobs::is_billing(std::int64_t run_id) {
  std::lock_guard lock(mutex_);
  return billing_.contains(run_id);
}

void BillRunJobs::bill(billing::BillRunRequest request, std::int64_t run_id) {
  spdlog::info("bill run {}: billing cycle {} read on {} for {}", run_id, request.cycle,
               format_local_date(request.read_date), request.started_by);
  auto done = billing::run_bills(database_, request,
                                 [this](const billing::BillRunProgress&) { return !stopping_; });
  if (!done.ok()) {
    spdlog::error("bill run {}: stopped: {}", run_id, done.error().message);
  } else {
    spdlog::info("bill run {}: {} with {} released, {} held, {} problems", run_id, done->status,
                 done->released, done->held, done->problems);
  }
  std::lock_guard lock(mutex_);
  billing_.erase(run_id);
}

}  // namespace rp::api
