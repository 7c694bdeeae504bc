#pragma once
// Internal to the bill renderer: each section's charge details (title, meter and reads, one row
// per bill line, the section's total) as rows for paginate() (bill_pagination.h) to place.

#include <vector>

#include "billing/document/bill_page.h"
#include "billing/document/bill_pagination.h"

namespace rp::billing::document {

// The rows of every section of sheet.bill, in order, measured with sheet.canvas and spanning the
// content width. The rows' draw functions hold copies of what they print, and draw on the
// Canvas they are given; they do not refer to the bill.
std::vector<SectionFlow> section_flows(const Sheet& sheet);

}  // namespace rp::billing::document
