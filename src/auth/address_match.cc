#include "auth/address_match.h"

#include <cctype>
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
    } else {
      finish();  // spaces, commas, periods, dashes and '#' separate words
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

bool same_street(std::string_view entered, std::string_view premise_line) {
  const std::string typed = normalize_street(entered);
  if (typed.empty() || !std::isdigit(static_cast<unsigned char>(typed.front()))) return false;
  return typed == normalize_street(premise_line);
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
