#include "core/request_origin.h"

#include <utility>

namespace rp {
namespace {

thread_local RequestOrigin current_origin;

}  // namespace

const RequestOrigin& current_request_origin() {
  return current_origin;
}

ScopedRequestOrigin::ScopedRequestOrigin(RequestOrigin origin)
    : previous_(std::exchange(current_origin, std::move(origin))) {}

ScopedRequestOrigin::~ScopedRequestOrigin() {
  current_origin = std::move(previous_);
}

}  // namespace rp
