#include "mdm/reading.h"

#include <cstddef>
#include <string>

namespace rp::mdm {
namespace {

bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

}  // namespace

const char* quality_name(Quality quality) {
  switch (quality) {
    case Quality::actual:
      return "actual";
    case Quality::estimated:
      return "estimated";
    case Quality::edited:
      return "edited";
    case Quality::missing:
      return "missing";
  }
  return "missing";
}

bool parse_quality(std::string_view text, Quality& quality) {
  struct Spelling {
    std::string_view word;
    std::string_view letter;
    Quality quality;
  };
  static constexpr Spelling kSpellings[] = {
      {"actual", "a", Quality::actual},
      {"estimated", "e", Quality::estimated},
      {"edited", "ed", Quality::edited},
      {"missing", "m", Quality::missing},
  };
  for (const Spelling& spelling : kSpellings) {
    if (equals_ignoring_case(text, spelling.letter) || equals_ignoring_case(text, spelling.word)) {
      quality = spelling.quality;
      return true;
    }
  }
  return false;
}

std::string format_milli_units(std::int64_t milli_units) {
  bool negative = milli_units < 0;
  // Work in unsigned to format INT64_MIN too.
  std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(milli_units)
                                     : static_cast<std::uint64_t>(milli_units);
  std::string fraction = std::to_string(magnitude % 1000);
  fraction.insert(0, 3 - fraction.size(), '0');
  return (negative ? "-" : "") + std::to_string(magnitude / 1000) + "." + fraction;
}

}  // namespace rp::mdm
