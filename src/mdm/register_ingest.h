#pragma once
// Register (cumulative dial) reads: manual route reads and AMR drive-by reads from a register CSV
// (reads_csv.h), and the one-read path customers use. Each read is checked against the channel's
// previous accepted read (vee_register.h: rollover, reversal, physical maximum); a read that needs
// review is stored as `held` with its findings in the exception queue, and is not used for
// billing until staff accept it.

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "core/time.h"
#include "mdm/ingest.h"
#include "mdm/ingest_channel.h"
#include "mdm/reading.h"
#include "mdm/vee_register.h"
#include "store/database.h"

namespace rp::mdm {

// Ingests a register CSV with the contract of ingest_reads (ingest.h): every line accepted,
// held or rejected; repeats are no-ops; an interrupted run resumes. Rejects: unknown meter or
// channel, an interval channel, a read taken after `now` or outside the meter's installation.
// A read at the same instant as a stored one with another value is queued as
// duplicate_disagrees and the stored one kept.
Result<IngestReport> ingest_register_reads(store::Database& database, const UtilityZone& zone,
                                           const IngestSource& source,
                                           const IngestOptions& options);

// Why a register read of `channel` cannot be taken (empty when it can).
std::string register_read_problem(const IngestChannel& channel, const RegisterRead& read,
                                  std::int64_t now);

// The sum of the interval values that the meter of `channel` recorded between two register reads,
// for the interval sum vs register difference check: the slots of its interval channel of the same
// unit that lie wholly inside [from, until). nullopt when the meter has no such channel or any of
// those slots is missing (the check needs them all). Slots cut by a read's instant are left out,
// at most two intervals of use: well inside the check's tolerance for a month between reads.
Result<std::optional<std::int64_t>> interval_sum_between(store::Session& session,
                                                         const IngestChannel& channel,
                                                         std::int64_t from, std::int64_t until);

struct PreviousRead {
  std::int64_t taken_at = 0;
  std::int64_t milli_units = 0;
};

// The channel's latest accepted read before `taken_at`.
Result<std::optional<PreviousRead>> previous_register_read(store::Session& session,
                                                           std::int64_t channel_id,
                                                           std::int64_t taken_at);

}  // namespace rp::mdm
