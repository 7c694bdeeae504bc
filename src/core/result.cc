#include "core/result.h"

namespace rp {

const char* error_kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input:
      return "invalid_input";
    case ErrorKind::not_found:
      return "not_found";
    case ErrorKind::conflict:
      return "conflict";
    case ErrorKind::overflow:
      return "overflow";
    case ErrorKind::unavailable:
      return "unavailable";
    case ErrorKind::throttled:
      return "throttled";
    case ErrorKind::internal:
      return "internal";
  }
  return "internal";
}

}  // namespace rp
