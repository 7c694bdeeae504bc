#pragma once
// The ingests row that makes an ingest idempotent and resumable (ingest.h), and the exception
// queue rows ingest writes. Shared by the interval and register ingests.

#include <cstdint>
#include <future>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "mdm/ingest.h"
#include "mdm/vee_rules.h"
#include "store/database.h"

namespace rp::mdm {

// The VEE rules of `commodity`: its defaults with the utility's overrides (vee_rules_json.h),
// read once per ingest and kept in `cache`. Errors: invalid_input when the stored overrides are
// wrong (naming the setting).
Result<VeeRules> utility_vee_rules(store::Database& database, const std::string& commodity,
                                   std::map<std::string, VeeRules>& cache);
// The same inside a transaction already open.
Result<VeeRules> utility_vee_rules_in(store::Session& session, const std::string& commodity,
                                      std::map<std::string, VeeRules>& cache);

// The BLAKE2b-256 hash of `content`, 64 lowercase hex digits.
std::string content_hash(std::string_view content);

struct IngestRecord {
  std::int64_t id = 0;
  bool done = false;
  IngestReport report;  // the stored counts and first rejects (when done)
};

// The content's hash, computed on another thread while `parse()` runs on this one (hashing a
// large file takes about as long as parsing it), and what `parse()` returned.
template <typename Parse>
auto hash_while_parsing(std::string_view content, Parse parse) {
  auto hashing = std::async(std::launch::async, [content] { return content_hash(content); });
  auto parsed = parse();
  return std::make_pair(hashing.get(), std::move(parsed));
}

// The first report, marked repeated, when `existing` finished: the same content again is a no-op.
std::optional<IngestReport> repeated_report(const std::optional<IngestRecord>& existing);

// The ingest of this content, if there was one.
Result<std::optional<IngestRecord>> find_ingest(store::Database& database, std::string_view hash);

// Starts the ingest (status running) and stores every reject, in one transaction; or, when an
// interrupted ingest of the same content exists (`resumed`), returns its id and writes nothing
// (its rejects are already stored).
Result<std::int64_t> start_ingest(store::Database& database, std::string_view hash,
                                  const IngestSource& source,
                                  const std::vector<LineReject>& rejects,
                                  const std::optional<IngestRecord>& resumed, std::string_view at);

// Stores the counts and marks the ingest done.
Result<void> finish_ingest(store::Database& database, const IngestReport& report);

// A finding for the exception queue.
struct QueuedException {
  std::int64_t channel_id = 0;
  std::int32_t utc_day = 0;
  VeeFinding finding;
  std::optional<std::int64_t> register_read_id;
};

// Queues each exception unless the same (channel, day, first slot, rule) is already queued.
// `ingest_id` is the ingest that found them (none for a customer's reading).
Result<void> queue_exceptions(store::Session& session, const std::vector<QueuedException>& queued,
                              std::optional<std::int64_t> ingest_id, std::string_view at);

// The rejects, sorted by line, and the first kReportedRejects of them for a report.
void sort_rejects(std::vector<LineReject>& rejects);
std::vector<LineReject> first_rejects(const std::vector<LineReject>& rejects);

}  // namespace rp::mdm
