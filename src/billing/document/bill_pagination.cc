#include "billing/document/bill_pagination.h"

namespace rp::billing::document {
namespace {

double height_of(const std::vector<FlowRow>& rows) {
  double height = 0;
  for (const FlowRow& row : rows) height += row.height;
  return height;
}

// The pages being filled and the pen's position on the last one.
class Pages {
 public:
  Pages(FlowRegion first, FlowRegion next) : next_(next), bottom_(first.bottom), y_(first.top) {
    pages_.emplace_back();
  }

  bool fits(double height) const { return y_ + height <= bottom_; }
  bool page_empty() const { return pages_.back().empty(); }
  // Page 1 may be left without details (they all start on page 2); a later page that is still
  // empty must take what comes, or a row taller than a page would never be placed.
  bool may_break() const { return !page_empty() || pages_.size() == 1; }
  void advance(double height) { y_ += height; }
  void place(const FlowRow& row) {
    pages_.back().push_back(PlacedRow{&row, y_});
    y_ += row.height;
  }
  void place(const std::vector<FlowRow>& rows) {
    for (const FlowRow& row : rows) place(row);
  }
  void new_page() {
    pages_.emplace_back();
    bottom_ = next_.bottom;
    y_ = next_.top;
  }
  std::vector<PageFlow> take() { return std::move(pages_); }

 private:
  FlowRegion next_;
  double bottom_;
  double y_;
  std::vector<PageFlow> pages_;
};

void place_section(const SectionFlow& section, double gap, Pages& pages) {
  if (!pages.page_empty()) pages.advance(gap);
  // The heading opens with the first line (and the total, when that line is also the last).
  double opening = height_of(section.heading);
  if (!section.lines.empty()) opening += section.lines.front().height;
  if (section.lines.size() <= 1) opening += section.total.height;
  if (!pages.fits(opening) && pages.may_break()) pages.new_page();
  pages.place(section.heading);
  bool line_on_page = false;  // breaking before any line would leave the heading alone
  for (std::size_t i = 0; i < section.lines.size(); ++i) {
    const bool last = i + 1 == section.lines.size();
    const double needed = section.lines[i].height + (last ? section.total.height : 0);
    if (!pages.fits(needed) && line_on_page) {
      pages.new_page();
      pages.place(section.continued_heading);
    }
    pages.place(section.lines[i]);
    line_on_page = true;
  }
  pages.place(section.total);
}

}  // namespace

std::vector<PageFlow> paginate(const std::vector<SectionFlow>& sections, FlowRegion first,
                               FlowRegion next, double gap) {
  Pages pages(first, next);
  for (const SectionFlow& section : sections) place_section(section, gap, pages);
  return pages.take();
}

}  // namespace rp::billing::document
