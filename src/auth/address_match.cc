#include "auth/address_match.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <utility>
#include <vector>

namespace rp::auth {
namespace {

// USPS Publication 28 abbreviations for the suffixes and directions seen most on premises.
constexpr std::pair<std::string_view, std::string_view> kAbbreviations[] = {
    {"street", "st"},    {"avenue", "ave"},   {"av", "ave"},       {"road", "rd"},
    {"drive", "dr"},     {"lane", "ln"},      {"court", "ct"},     {"boulevard", "blvd"},
    {"place", "pl"},     {"circle", "cir"},   {"highway", "hwy"},  {"parkway", "pkwy"},
    {"terrace", "ter"},  {"trail", "trl"},    {"square", "sq"},    {"north", "n"},
    {"south", "s"},      {"east", "e"},       {"west", "w"},       {"northeast", "ne"},
    {"northwest", "nw"}, {"southeast", "se"}, {"southwest", "sw"}, {"apartment", "apt"},
    {"suite", "ste"},    {"route", "rte"},    {"mount", "mt"},
};

std::string_view abbreviated(std::string_view word) {
  for (const auto& [full, short_form] : kAbbreviations) {
    if (word == full) return short_form;
  }
  return word;
}

// Words that introduce a unit, once abbreviated ("apartment" is "apt", "suite" is "ste").
bool is_unit_designator(std::string_view word) {
  for (std::string_view designator :
       {"#", "apt", "unit", "ste", "rm", "room", "lot", "spc", "space"}) {
    if (word == designator) return true;
  }
  return false;
}

std::vector<std::string> words_of(std::string_view normalized) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < normalized.size()) {
    std::size_t end = normalized.find(' ', start);
    if (end == std::string_view::npos) end = normalized.size();
    words.emplace_back(normalized.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string joined(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out.push_back(' ');
    out += words[i];
  }
  return out;
}

}  // namespace

std::string normalize_street(std::string_view street) {
  std::vector<std::string> words;
  std::string word;
  auto finish = [&] {
    if (!word.empty()) words.emplace_back(abbreviated(word));
    word.clear();
  };
  for (char c : street) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      word.push_back(static_cast<char>(std::tolower(u)));
    } else if (c == '#') {
      finish();
      words.emplace_back("#");  // a word of its own: a unit designator
    } else {
      finish();  // spaces, commas, periods and dashes separate words
    }
  }
  finish();
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

AddressParts address_parts(std::string_view line1, std::string_view line2) {
  std::vector<std::string> words = words_of(normalize_street(line1));
  const std::vector<std::string> second = words_of(normalize_street(line2));
  std::size_t designator = words.size();
  for (std::size_t i = 1; i < words.size(); ++i) {  // the house number is never a designator
    if (is_unit_designator(words[i])) {
      designator = i;
      break;
    }
  }
  AddressParts parts{joined(words, 0, designator), ""};
  std::vector<std::string> unit(
      words.begin() + static_cast<std::ptrdiff_t>(std::min(designator + 1, words.size())),
      words.end());
  // line2 is the unit, with or without its designator.
  std::size_t from = !second.empty() && is_unit_designator(second.front()) ? 1 : 0;
  for (std::size_t i = from; i < second.size(); ++i) unit.push_back(second[i]);
  parts.unit = joined(unit, 0, unit.size());
  return parts;
}

bool same_street(std::string_view entered, std::string_view premise_line1,
                 std::string_view premise_line2) {
  const AddressParts typed = address_parts(entered);
  if (typed.street.empty() || !std::isdigit(static_cast<unsigned char>(typed.street.front()))) {
    return false;
  }
  const AddressParts premise = address_parts(premise_line1, premise_line2);
  if (typed.street == premise.street && typed.unit == premise.unit) return true;
  // The unit typed after the street without a designator: "2777 Pine Blvd 107".
  return typed.unit.empty() && !premise.unit.empty() &&
         typed.street == premise.street + " " + premise.unit;
}

std::optional<std::string> zip5(std::string_view zip) {
  std::string digits;
  for (char c : zip) {
    if (c == ' ' && digits.empty()) continue;
    digits.push_back(c);
  }
  while (!digits.empty() && digits.back() == ' ') digits.pop_back();
  const bool plain = digits.size() == 5;
  const bool plus_four = digits.size() == 10 && digits[5] == '-';
  const bool plus_four_undashed = digits.size() == 9;
  if (!plain && !plus_four && !plus_four_undashed) return std::nullopt;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i == 5 && plus_four) continue;
    if (!std::isdigit(static_cast<unsigned char>(digits[i]))) return std::nullopt;
  }
  return digits.substr(0, 5);
}

}  // namespace rp::auth
