#include "outages/outage_rules.h"

#include <array>
#include <utility>

namespace rp::outages {
namespace {

constexpr std::array kStatuses{
    std::pair{OutageStatus::reported, std::string_view("reported")},
    std::pair{OutageStatus::confirmed, std::string_view("confirmed")},
    std::pair{OutageStatus::crew_assigned, std::string_view("crew_assigned")},
    std::pair{OutageStatus::en_route, std::string_view("en_route")},
    std::pair{OutageStatus::on_site, std::string_view("on_site")},
    std::pair{OutageStatus::restored, std::string_view("restored")},
    std::pair{OutageStatus::merged, std::string_view("merged")},
    std::pair{OutageStatus::cancelled, std::string_view("cancelled")},
};

constexpr std::array kCauses{
    std::pair{OutageCause::unknown, std::string_view("unknown")},
    std::pair{OutageCause::weather, std::string_view("weather")},
    std::pair{OutageCause::vegetation, std::string_view("vegetation")},
    std::pair{OutageCause::equipment, std::string_view("equipment")},
    std::pair{OutageCause::vehicle, std::string_view("vehicle")},
    std::pair{OutageCause::animal, std::string_view("animal")},
    std::pair{OutageCause::dig_in, std::string_view("dig_in")},
    std::pair{OutageCause::overload, std::string_view("overload")},
    std::pair{OutageCause::planned, std::string_view("planned")},
    std::pair{OutageCause::other, std::string_view("other")},
};

constexpr std::array kActions{
    std::pair{OutageAction::confirm, std::string_view("confirm")},
    std::pair{OutageAction::assign_crew, std::string_view("assign_crew")},
    std::pair{OutageAction::depart, std::string_view("depart")},
    std::pair{OutageAction::arrive, std::string_view("arrive")},
    std::pair{OutageAction::restore, std::string_view("restore")},
    std::pair{OutageAction::merge, std::string_view("merge")},
    std::pair{OutageAction::cancel, std::string_view("cancel")},
    std::pair{OutageAction::split, std::string_view("split")},
};

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& names,
                         Enum value) {
  for (const auto& [known, name] : names) {
    if (known == value) return name;
  }
  return names.front().second;
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse(const std::array<std::pair<Enum, std::string_view>, N>& names,
                          std::string_view text) {
  for (const auto& [known, name] : names) {
    if (name == text) return known;
  }
  return std::nullopt;
}

}  // namespace

std::string_view status_name(OutageStatus status) {
  return name_of(kStatuses, status);
}
std::string_view cause_name(OutageCause cause) {
  return name_of(kCauses, cause);
}
std::string_view action_name(OutageAction action) {
  return name_of(kActions, action);
}
std::optional<OutageStatus> parse_status(std::string_view text) {
  return parse(kStatuses, text);
}
std::optional<OutageCause> parse_cause(std::string_view text) {
  return parse(kCauses, text);
}
std::optional<OutageAction> parse_action(std::string_view text) {
  return parse(kActions, text);
}

bool is_open(OutageStatus status) {
  return status != OutageStatus::restored && status != OutageStatus::merged &&
         status != OutageStatus::cancelled;
}

std::optional<OutageStatus> moved(OutageStatus from, OutageAction action) {
  using S = OutageStatus;
  if (!is_open(from)) return std::nullopt;
  switch (action) {
    case OutageAction::confirm:
      if (from == S::reported) return S::confirmed;
      return std::nullopt;
    case OutageAction::assign_crew:
      // A first crew, or another one sent instead (from any of the crew's steps).
      if (from == S::reported) return std::nullopt;
      return S::crew_assigned;
    case OutageAction::depart:
      if (from == S::crew_assigned) return S::en_route;
      return std::nullopt;
    case OutageAction::arrive:
      if (from == S::en_route) return S::on_site;
      return std::nullopt;
    case OutageAction::restore:
      return S::restored;
    case OutageAction::merge:
      return S::merged;
    case OutageAction::cancel:
      if (from == S::reported || from == S::confirmed) return S::cancelled;
      return std::nullopt;  // a crew is on it: something was out
    case OutageAction::split:
      return from;
  }
  return std::nullopt;
}

}  // namespace rp::outages
