#pragma once
// Mailers that deliver an EmailMessage: over SMTP with libcurl (the utility's mail server or
// relay), or into a folder as .eml files (the demo, where there is no mail server; the demo says
// where to look). Both render the same RFC 5322 message: UTF-8 plain text, the subject encoded
// per RFC 2047 when it is not ASCII.

#include <mutex>
#include <string>

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

// Keeps its connection to the mail server open between messages (libcurl's connection cache on
// one handle), so a pass over the outbox is one SMTP session, not one per message; a failure
// drops the connection and the next message opens a new one. Safe to call from several threads
// (they take turns).
class SmtpMailer final : public Mailer {
 public:
  explicit SmtpMailer(SmtpSettings settings);
  ~SmtpMailer() override;
  SmtpMailer(const SmtpMailer&) = delete;
  SmtpMailer& operator=(const SmtpMailer&) = delete;
  Result<void> send(const EmailMessage& message) override;

 private:
  SmtpSettings settings_;
  std::mutex mutex_;
  void* connection_ = nullptr;  // the CURL easy handle; guarded by mutex_
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
