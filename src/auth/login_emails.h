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
// Two-step sign-in turned on (`turned_on`) or off for the login: always sent, to the login's own
// address, so an owner who did not do it knows at once what to do.
notify::EmailMessage two_step_changed_email(const std::string& language, const std::string& to,
                                            bool turned_on, const std::string& utility);
notify::EmailMessage password_reset_email(const std::string& language, const std::string& to,
                                          const std::string& link, const std::string& utility);

}  // namespace rp::auth
