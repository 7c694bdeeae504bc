// Fuzzes parse_green_button with arbitrary bytes, with and without a meter serial. Errors are
// fine; a crash or a sanitizer finding is not, and neither is a broken contract: channel keys are
// valid names, indices are in range, interval lengths are ones interval days can hold, every
// IntervalReading of the document is a value or a reject, and rejects are clean UTF-8.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "mdm/green_button.h"
#include "mdm_checks.h"

namespace {

using namespace rp;
using namespace rp::mdm;

// An upper bound on the IntervalReadings in the text: each one opens with this tag name.
std::size_t interval_reading_tags(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t at = text.find("IntervalReading"); at != std::string_view::npos;
       at = text.find("IntervalReading", at + 1)) {
    ++count;
  }
  return count;
}

void check(std::string_view text, const Result<ReadingBatch>& batch) {
  if (!batch.ok()) {
    if (batch.error().field != "greenbutton") rp::mdm::fuzz::broken("error without its field");
    return;
  }
  rp::mdm::fuzz::check_batch(*batch);
  for (const IntervalValue& value : batch->values) {
    if (batch->interval_seconds[value.channel] == 0) {
      rp::mdm::fuzz::broken("a value of a channel without an interval length");
    }
    if (value.start < 0) rp::mdm::fuzz::broken("a start before 1970");
  }
  // UTF-16 and UTF-32 documents (which hold NUL bytes) spell the tag differently.
  const bool utf8 = text.find('\0') == std::string_view::npos;
  if (utf8 && batch->values.size() + batch->rejects.size() > interval_reading_tags(text)) {
    rp::mdm::fuzz::broken("more values and rejects than IntervalReading elements");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check(text, parse_green_button(text, ""));
  check(text, parse_green_button(text, "E1000017"));
  return 0;
}
