#pragma once
// Ingesting meter reads: a file or batch in one of the read formats (reads CSV, Green Button ESPI
// XML, the JSON batch body) goes through parse -> check against the meters -> merge into the
// stored interval days -> VEE -> store, and every line is accounted for.
//
// Contract:
//  * A text that cannot be parsed as its format at all is an error and changes nothing.
//  * Every line (record) is accepted or rejected. Rejects are stored in read_rejects with the
//    line number and the reason: unknown meter or channel, a register channel, an interval length
//    other than the channel's, a start not aligned to the channel's interval, an interval that has
//    not ended yet ("future"), a start outside the meter's installation dates, and whatever the
//    parser rejected (malformed numbers, instants, names).
//  * The same content twice is a no-op: ingests are keyed by a hash of the content, and a content
//    already ingested returns the first report with `repeated` set, writing nothing.
//  * Interrupted (crash, kill -9) and run again with the same content, the ingest resumes under the
//    same id: merging a read that is already stored changes nothing (vee_merge.h), rejects and
//    exceptions are written once (unique keys), so the database ends exactly as after one
//    uninterrupted run, and the report's counts are the same.
//  * Days are written in chunks (IngestOptions::chunk_days per transaction) so that an ingest of
//    millions of values never holds the writer for long; each chunk carries its days, their
//    history rows and their exceptions together.
//  * Concurrency: two ingests writing the same day race optimistically; the loser fails with
//    conflict and can simply be run again.
//
// What VEE does here: every day that received reads, and every stored day within
// following_days_needed() before or after them that still has gaps, is run through
// validate_and_estimate with its channel's history from the database. Findings that need review
// go to the exception queue (vee_exceptions), one row per (channel, day, first slot, rule).

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "mdm/reading.h"
#include "store/database.h"

namespace rp::mdm {

enum class ReadFormat { csv, green_button, json, register_csv };
// "csv", "greenbutton", "json", "register_csv" (the names stored in ingests.format).
const char* read_format_name(ReadFormat format);
// Accepts the stored names; false otherwise.
bool parse_read_format(std::string_view name, ReadFormat& format);
// The format a file name suggests: .xml -> green_button, .json -> json, anything else -> csv
// (a register CSV is told apart by its header: see ingest_reads).
ReadFormat format_of_file_name(std::string_view file_name);

struct IngestSource {
  std::string name;  // the file name, or "api" for the batch API; shown in reports and history
  ReadFormat format = ReadFormat::csv;
  std::string_view content;
  // Green Button only: the meter serial every reading belongs to; empty = each UsagePoint's title.
  std::string meter_serial;
};

struct IngestOptions {
  Instant now;                          // reads of intervals ending after this are "future"
  std::string actor = "ingest";         // recorded as who replaced an interval day
  std::size_t chunk_days = 4096;        // interval days per write transaction
  std::size_t channels_per_read = 256;  // channels whose stored days are loaded per read
  // Called after each chunk commits with the number of chunks committed so far. Returning false
  // stops the ingest there, as if the process had died (unavailable "interrupted"); tests use it,
  // and `ratepayer ingest` uses it to be killed at a known point in its crash test.
  std::function<bool(std::size_t)> after_chunk;
};

struct IngestReport {
  std::int64_t ingest_id = 0;
  bool repeated = false;  // this content was ingested before; nothing was written
  bool resumed = false;   // an interrupted ingest of this content was finished
  std::string format;
  std::int64_t accepted = 0;              // lines (records) taken: stored, or already stored
  std::int64_t rejected = 0;              // lines (records) in read_rejects
  std::int64_t estimated = 0;             // interval slots VEE estimated on the days it ran over
  std::int64_t exceptions = 0;            // findings for review (already queued ones included)
  std::int64_t held = 0;                  // register reads held for review
  std::int64_t days_written = 0;          // interval days inserted or replaced (0 on a repeat)
  std::vector<LineReject> first_rejects;  // up to 20, by line
};

inline constexpr std::size_t kReportedRejects = 20;

// Ingests `source` (interval formats; a register CSV is passed to ingest_register_reads).
// Errors: invalid_input naming the problem when the content is not its format at all (nothing
// written); not_found / conflict / unavailable from the store.
Result<IngestReport> ingest_reads(store::Database& database, const UtilityZone& zone,
                                  const IngestSource& source, const IngestOptions& options);

}  // namespace rp::mdm
