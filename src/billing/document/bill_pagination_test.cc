#include "billing/document/bill_pagination.h"

#include <gtest/gtest.h>

namespace rp::billing::document {
namespace {

// A section of `lines` 10-point lines under a 30-point heading, closed by a 15-point total.
SectionFlow section_of(int lines) {
  SectionFlow section;
  section.heading = {FlowRow{20, {}}, FlowRow{10, {}}};
  section.continued_heading = {FlowRow{20, {}}};
  section.lines.assign(static_cast<std::size_t>(lines), FlowRow{10, {}});
  section.total = FlowRow{15, {}};
  return section;
}

constexpr FlowRegion kFirst{300, 500};  // page 1: 200 points under the summary
constexpr FlowRegion kNext{50, 750};    // later pages: 700 points

bool is_row_of(const PlacedRow& placed, const std::vector<FlowRow>& rows) {
  return !rows.empty() && placed.row >= &rows.front() && placed.row <= &rows.back();
}

TEST(BillPagination, ASmallBillFitsOnTheFirstPage) {
  const std::vector<SectionFlow> sections = {section_of(6), section_of(3)};
  const std::vector<PageFlow> pages = paginate(sections, kFirst, kNext, 12);
  ASSERT_EQ(pages.size(), 1u);
  ASSERT_EQ(pages[0].size(), 2u + 6 + 1 + 2 + 3 + 1);
  EXPECT_EQ(pages[0].front().y, 300);
  // The second section starts after the first's 105 points and the 12-point gap.
  EXPECT_EQ(pages[0][9].row, &sections[1].heading[0]);
  EXPECT_EQ(pages[0][9].y, 300 + 105 + 12);
}

TEST(BillPagination, NoBillAtAllIsOneEmptyPage) {
  const std::vector<PageFlow> pages = paginate({}, kFirst, kNext, 12);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_TRUE(pages[0].empty());
}

TEST(BillPagination, ALongSectionContinuesUnderItsContinuedHeading) {
  const std::vector<SectionFlow> sections = {section_of(60)};
  const std::vector<PageFlow> pages = paginate(sections, kFirst, kNext, 12);
  ASSERT_EQ(pages.size(), 2u);
  // Page 1: 30 of heading leaves room for 17 lines (170) and not the 18th.
  EXPECT_EQ(pages[0].size(), 2u + 17);
  EXPECT_EQ(pages[1].front().row, &sections[0].continued_heading[0]);
  EXPECT_EQ(pages[1].front().y, 50);
  EXPECT_EQ(pages[1].size(), 1u + 43 + 1);
  EXPECT_EQ(pages[1].back().row, &sections[0].total);
}

TEST(BillPagination, NoRowCrossesTheBottomOfItsPage) {
  const std::vector<SectionFlow> sections = {section_of(40), section_of(90), section_of(5)};
  const std::vector<PageFlow> pages = paginate(sections, kFirst, kNext, 12);
  ASSERT_GE(pages.size(), 2u);
  std::size_t rows = 0;
  for (std::size_t page = 0; page < pages.size(); ++page) {
    const double bottom = page == 0 ? kFirst.bottom : kNext.bottom;
    for (const PlacedRow& placed : pages[page]) {
      EXPECT_LE(placed.y + placed.row->height, bottom) << "page " << page + 1;
      ++rows;
    }
  }
  const std::size_t continued = pages.size() - 1;  // each break here falls inside a section
  EXPECT_EQ(rows, 3 * 3 + 40 + 90 + 5 + continued);
}

TEST(BillPagination, AHeadingIsNeverLeftAloneAtThePageFoot) {
  // The first section ends at 300 + 30 + 150 + 15 = 495, leaving 5 points: the second section's
  // heading moves to page 2 with its first line.
  const std::vector<SectionFlow> sections = {section_of(15), section_of(4)};
  const std::vector<PageFlow> pages = paginate(sections, kFirst, kNext, 0);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[1].front().row, &sections[1].heading[0]);
  EXPECT_EQ(pages[0].back().row, &sections[0].total);
}

TEST(BillPagination, ATotalNeverOpensAPage) {
  // 16 lines fit page 1's 170 points after the heading but the total would not: the 16th line
  // moves over with it.
  const std::vector<SectionFlow> sections = {section_of(16)};
  const std::vector<PageFlow> pages = paginate(sections, kFirst, kNext, 12);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].size(), 2u + 15);
  ASSERT_EQ(pages[1].size(), 1u + 1 + 1);
  EXPECT_TRUE(is_row_of(pages[1][1], sections[0].lines));
  EXPECT_EQ(pages[1][2].row, &sections[0].total);
}

TEST(BillPagination, DetailsStartOnPageTwoWhenPageOneHasNoRoom) {
  // A tall page 1 top (long addresses, budget box) leaves 35 points: not a heading and a line.
  const std::vector<SectionFlow> sections = {section_of(2)};
  const std::vector<PageFlow> pages = paginate(sections, FlowRegion{465, 500}, kNext, 12);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_TRUE(pages[0].empty());
  EXPECT_EQ(pages[1].front().row, &sections[0].heading[0]);
  EXPECT_EQ(pages[1].front().y, kNext.top);
}

TEST(BillPagination, ARowTallerThanAPageIsPlacedRatherThanLost) {
  SectionFlow section = section_of(1);
  section.lines[0].height = 1000;
  const std::vector<SectionFlow> sections = {section};
  const std::vector<PageFlow> pages = paginate(sections, kFirst, kNext, 12);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[1].size(), 2u + 1 + 1);
}

}  // namespace
}  // namespace rp::billing::document
