#pragma once
// Who made a change, in words, for staff screens and exports: staff users and API keys by name,
// customers by their portal login's email, jobs by what they are ("System (late-fees)").

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/session.h"

namespace rp::api {

class ActorNames {
 public:
  // Loads every staff user's and API key's name, and the login emails of the customers among
  // `actors` ("customer:42").
  static Result<ActorNames> load(store::Session& session,
                                 const std::vector<std::string>& actors = {});

  // "Bea Clerk", "API key 'lockbox'", "Customer (maria@example.com)", "System (late-fees)".
  std::string of(const std::string& actor) const;

  // "staff", "api_key", "customer" or "system" (jobs, the generator, anything else).
  static std::string kind_of(const std::string& actor);

 private:
  std::map<std::int64_t, std::string> staff_;
  std::map<std::int64_t, std::string> keys_;
  std::map<std::int64_t, std::string> customers_;
};

}  // namespace rp::api
