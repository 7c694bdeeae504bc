#pragma once
// Internal to the bill renderer: how the charge details flow over pages. A long bill (many
// sections, many lines) continues on further pages rather than being clipped; the rules that keep
// it readable are here, apart from any drawing, so they are tested with plain heights.

#include <functional>
#include <vector>

namespace rp::billing::document {

class Canvas;

// One row of the charge details: its height in points and how to draw it with its top at y.
struct FlowRow {
  double height = 0;
  std::function<void(Canvas&, double y)> draw;
};

// One section's rows.
struct SectionFlow {
  std::vector<FlowRow> heading;            // title bar, meter and reads, column headings
  std::vector<FlowRow> continued_heading;  // repeated where the section breaks over a page
  std::vector<FlowRow> lines;              // the bill lines
  FlowRow total;                           // the section's total
};

// The part of a page the details may use, top to bottom, in points.
struct FlowRegion {
  double top = 0;
  double bottom = 0;
};

struct PlacedRow {
  const FlowRow* row = nullptr;  // points into the sections given to paginate()
  double y = 0;                  // the row's top
};
using PageFlow = std::vector<PlacedRow>;

// Places the sections' rows: in `first` on page 1, in `next` on every later page, `gap` points
// between sections on the same page. Guarantees:
//   - every row is placed exactly once, in order, and a section that breaks over a page opens the
//     new page with its continued_heading;
//   - no row crosses a region's bottom, unless it alone (with what must stay with it) is taller
//     than an empty `next` region, in which case it is placed at the top of one and overflows it
//     (page 1 is left without details when not even a heading and a line fit in `first`);
//   - a heading is never the last thing on a page: it stays with the section's first line;
//   - a total never opens a page: it stays with the section's last line.
// The result has at least one page (empty when there are no sections) and points into
// `sections`, which must outlive it.
std::vector<PageFlow> paginate(const std::vector<SectionFlow>& sections, FlowRegion first,
                               FlowRegion next, double gap);

}  // namespace rp::billing::document
