#pragma once
// The emails a login sends, in the customer's language (en, es). Pure.

#include <string>

#include "notify/email.h"

namespace rp::auth {

notify::EmailMessage verification_email(const std::string& language, const std::string& to,
                                        const std::string& link, const std::string& utility);
notify::EmailMessage already_registered_email(const std::string& language, const std::string& to,
                                              const std::string& sign_in_link,
                                              const std::string& utility);
notify::EmailMessage password_reset_email(const std::string& language, const std::string& to,
                                          const std::string& link, const std::string& utility);

}  // namespace rp::auth
