#pragma once
// Internal to the document renderers: one US Letter PDF written to memory with cairo, the pages
// drawn by the caller on a Canvas (bill_canvas.h), and the document's metadata.

#include <functional>
#include <string>

#include "billing/document/bill_canvas.h"
#include "core/result.h"

namespace rp::billing::document {

struct PdfMetadata {
  std::string title;
  std::string author;   // the utility's name
  std::string created;  // "2026-11-20T00:00:00Z": a date of the document, never the clock
};

// The PDF bytes of what `draw` puts on the canvas. Errors: internal when cairo fails, naming
// `what` ("bill 41463") and cairo's reason.
Result<std::string> render_pdf(const PdfMetadata& metadata,
                               const std::function<void(Canvas&)>& draw, const std::string& what);

}  // namespace rp::billing::document
