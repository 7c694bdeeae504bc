// Fuzzes parse_reads_json (the JSON batch API body) with arbitrary bytes. Errors are fine; a crash
// or a sanitizer finding is not, and neither is a broken contract: keys are valid names, indices in
// range, each value and reject numbered by its position in the array (1, 2, ... with no position
// twice), and rejects clean UTF-8 naming their read ("reads[3]...").

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "mdm/reads_json.h"
#include "mdm_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rp::mdm;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  rp::Result<ReadingBatch> batch = parse_reads_json(text);
  if (!batch.ok()) return 0;
  fuzz::check_batch(*batch);
  std::set<std::uint32_t> positions;
  for (const IntervalValue& value : batch->values) {
    if (value.line == 0 || !positions.insert(value.line).second) fuzz::broken("value position");
  }
  for (const LineReject& reject : batch->rejects) {
    if (reject.line == 0 || !positions.insert(reject.line).second) fuzz::broken("reject position");
    const std::string path = "reads[" + std::to_string(reject.line - 1) + "]";
    if (reject.reason.rfind(path, 0) != 0) fuzz::broken("reason not naming " + path);
  }
  if (!positions.empty() && *positions.rbegin() != positions.size()) {
    fuzz::broken("positions are not 1..n");
  }
  return 0;
}
