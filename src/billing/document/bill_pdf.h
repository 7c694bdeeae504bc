#pragma once
// The bill document renderer: a BillDocument (bill_document.h) in, the PDF the customer receives
// out. Pure: no files, no database, no clock; the same document gives the same bytes.
//
// The PDF is US Letter, set in DejaVu Sans (its glyphs embedded as subsets, so it prints the same
// everywhere) in English or Spanish (bill_labels.h). Page 1 holds the utility and bill facts,
// the addresses, the account summary with the amount due, the 13-month usage chart, the budget
// billing box when there is one, as much of the charge details as fits, and the remittance stub
// with the scan line (scan_line.h). Details that do not fit continue on further pages, never
// clipped. Its metadata: title "Bill <number>" ("Factura <number>" in Spanish), author the
// utility's name, creator "Ratepayer", and a creation date of the bill date at 00:00:00Z rather
// than the clock, which is what makes the output byte-for-byte repeatable.

#include <string>

#include "billing/document/bill_document.h"
#include "core/result.h"

namespace rp::billing::document {

// Renders `bill` as PDF bytes.
// Requires what bill_document.h says the caller guarantees (the totals add up); they are printed,
// not checked. Errors:
//   - invalid_input naming the field when a date is not on the calendar (a default LocalDate), a
//     period does not end after it starts, a usage month is invalid, the utility's address has
//     more than kMaxUtilityAddressLines lines, or amount_due is above $99,999,999.99 (the scan
//     line's ten digits of cents);
//   - internal when cairo fails to produce the PDF (it says why, with the bill number).
// Safe to call from several threads at once: each call has its own surface, and pango's default
// font map is per thread.
Result<std::string> render_bill_pdf(const BillDocument& bill);

}  // namespace rp::billing::document
