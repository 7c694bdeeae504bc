#pragma once
// "Still out?" answered by text: a customer texts OUT (or STILL OUT, SIN LUZ, APAGON; any case,
// accents ignored) back to the utility's number after a restored alert. Each home of the
// accounts whose latest text consent is granted at that number, restored in the last 24 hours
// and not dark again, is reported out again (a new report, by "sms:<number>", which the
// prediction pass makes that home's own outage), and the customer is answered by text in the
// language of the keyword. A number with no such home is answered with how to report.

#include <string>

#include "core/result.h"
#include "store/database.h"

namespace rp::outages {

struct StillOutAnswer {
  bool matched = false;  // the text was a still-out keyword
  int reported = 0;      // homes reported out again
};

// Whether `body` is a still-out keyword (and whether it is Spanish). Pure.
bool is_still_out_keyword(const std::string& body, bool* spanish = nullptr);

// Acts on text `body` from `from` (E.164). Errors: the database's.
Result<StillOutAnswer> still_out_by_text(store::Database& database, const std::string& from,
                                         const std::string& body);

}  // namespace rp::outages
