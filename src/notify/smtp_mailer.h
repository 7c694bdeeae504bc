#pragma once
// Mailers that deliver an EmailMessage: over SMTP with libcurl (the utility's mail server or
// relay), or into a folder as .eml files (the demo, where there is no mail server; the demo says
// where to look). Both render the same RFC 5322 message: UTF-8 plain text, the subject encoded
// per RFC 2047 when it is not ASCII.

#include <string>
#include <vector>

#include "notify/curl_handles.h"
#include "notify/email.h"

namespace rp::notify {

struct SmtpSettings {
  std::string url;   // smtp://host:port (STARTTLS when the server offers it) or smtps://host:port
  std::string from;  // the sender address, e.g. billing@utility.example
  std::string user;  // empty: no authentication
  std::string password;
  long timeout_seconds = 20;
};

// The whole message as sent (headers, blank line, body), lines ending in CRLF.
std::string render_message(const EmailMessage& message, const std::string& from);

// Keeps its connections to the mail server open between messages (libcurl's connection cache on
// each handle), so a pass over the outbox is a few SMTP sessions, not one per message; a failure
// drops that connection and the next message opens a new one. Safe to call from several threads:
// each takes an idle connection, or opens one.
class SmtpMailer final : public Mailer {
 public:
  explicit SmtpMailer(SmtpSettings settings);
  Result<void> send(const EmailMessage& message) override;

 private:
  SmtpSettings settings_;
  CurlHandles handles_;
};

class DirectoryMailer final : public Mailer {
 public:
  DirectoryMailer(std::string folder, std::string from);
  // Writes <folder>/<UTC time>-<sequence>.eml. Errors: unavailable naming the file.
  Result<void> send(const EmailMessage& message) override;

 private:
  std::string folder_;
  std::string from_;
};

}  // namespace rp::notify
