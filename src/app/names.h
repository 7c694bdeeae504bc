#pragma once
// The word lists the synthetic utility (generate.h) draws from: an Oregon-like service territory
// (real city and ZIP pairs in area code 541), street names, and English and Spanish given and
// family names. Fixed lists, so that a seed always yields the same utility.

#include <span>
#include <string>
#include <string_view>

namespace rp::app {

struct CityZip {
  std::string_view city;
  std::string_view zip;
};

// The territory's state ("OR") and its city/ZIP pairs, larger towns listed more than once so they
// are drawn more often.
inline constexpr std::string_view kTerritoryState = "OR";
std::span<const CityZip> territory_cities();

std::span<const std::string_view> street_names();     // "Willamette", "Oak", ...
std::span<const std::string_view> street_suffixes();  // "St", "Ave", ...

std::span<const std::string_view> english_given_names();
std::span<const std::string_view> english_family_names();
std::span<const std::string_view> spanish_given_names();   // UTF-8, with accents ("José")
std::span<const std::string_view> spanish_family_names();  // UTF-8, with accents ("Peña")

// Kinds of business for commercial customers' names ("Hardware", "Family Dental").
std::span<const std::string_view> business_kinds();

// Lower-case ASCII for an email local part: accented Latin letters lose their accents
// ("Peña" -> "pena"), letters and digits are kept, everything else is dropped.
std::string ascii_email_word(std::string_view utf8);

}  // namespace rp::app
