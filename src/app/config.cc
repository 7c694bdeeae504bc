#include "app/config.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <toml++/toml.h>

#include "core/email_address.h"
#include "core/time.h"
#include "notify/text_message.h"

extern char** environ;

namespace rp::app {
namespace {

// What is wrong with a value, as the end of a one-line message; empty when the value was accepted
// (and stored).
using Problem = std::string;

struct IntegerRule {
  std::int64_t min;
  std::int64_t max;
  std::string_view noun;  // "port number": "not a port number: 'abc'"
  std::string_view hint;  // appended to the accepted range: "0 = any free port"
};

// One configuration setting. Exactly one of set_text (text settings) or rule + set_integer
// (integer settings) is used.
struct Setting {
  std::string_view section;
  std::string_view key;
  std::optional<IntegerRule> rule;
  Problem (*set_text)(Config&, std::string_view);
  void (*set_integer)(Config&, std::int64_t);

  std::string name() const { return std::string(section) + "." + std::string(key); }
};

Problem set_database_url(Config& config, std::string_view url) {
  bool sqlite = url.starts_with("sqlite:") && url.size() > 7;
  bool postgres = url.starts_with("postgresql://") || url.starts_with("postgres://");
  // The URL may hold a password, so the problem does not repeat it.
  if (!sqlite && !postgres) {
    return "not a database URL: use sqlite:PATH (sqlite:var/ratepayer.db) or "
           "postgresql://USER@HOST:PORT/DBNAME";
  }
  config.database.url = std::string(url);
  return {};
}

Problem set_http_address(Config& config, std::string_view address) {
  if (address.empty() || address.find_first_of(" \t/") != std::string_view::npos) {
    return "not an address to listen on: '" + std::string(address) +
           "' (use an IP address such as 127.0.0.1 or 0.0.0.0)";
  }
  config.http.address = std::string(address);
  return {};
}

Problem set_static_root(Config& config, std::string_view folder) {
  if (folder.empty()) return "the web front end's folder must not be empty (default web/dist)";
  config.http.static_root = std::string(folder);
  return {};
}

Problem set_trusted_proxies(Config& config, std::string_view list) {
  HttpConfig checked;
  checked.trusted_proxies = std::string(list);
  for (const std::string& address : trusted_proxy_list(checked)) {
    const bool ip = !address.empty() &&
                    address.find_first_not_of("0123456789abcdefABCDEF.:") == std::string::npos;
    if (!ip) {
      return "not an IP address in the trusted proxies: '" + address +
             "' (list the proxies' addresses, comma-separated, e.g. 10.0.0.5,10.0.0.6)";
    }
  }
  config.http.trusted_proxies = std::string(list);
  return {};
}

// The one shared staff token is gone: each integration has an API key of its own.
Problem staff_token_is_gone(Config&, std::string_view) {
  return "gone: staff and integrations each use an API key of their own now, with only the "
         "permissions they need; make one with `ratepayer api-key add --name NAME --role ROLE` "
         "(docs/operations.md, \"Staff access\") and remove this setting";
}

// The utility's name and time zone moved to the database, where bills and usage read them.
Problem moved_to_the_database(std::string_view key) {
  return "a utility setting, kept in the database with the bills it governs, not in the "
         "configuration: set it with `ratepayer settings set " +
         std::string(key) + " VALUE` (docs/configuration.md)";
}

Problem set_utility_name(Config&, std::string_view) {
  return moved_to_the_database("name");
}

Problem set_time_zone(Config&, std::string_view) {
  return moved_to_the_database("time_zone");
}

Problem set_vault_key_file(Config& config, std::string_view path) {
  if (path.empty()) return "the vault key file must be named (default var/vault.key)";
  config.payments.vault_key_file = std::string(path);
  return {};
}

Problem set_card_processor(Config& config, std::string_view name) {
  if (name != "none" && name != "test") {
    return "unknown card processor '" + std::string(name) +
           "': use none (refuse card payments) or test (the built-in test processor)";
  }
  config.payments.card_processor = std::string(name);
  return {};
}

Problem set_smtp_url(Config& config, std::string_view url) {
  if (!url.empty() && !url.starts_with("smtp://") && !url.starts_with("smtps://")) {
    return "the mail server must be smtp://HOST:PORT or smtps://HOST:PORT (or empty to write "
           "email to email.folder)";
  }
  config.email.smtp_url = std::string(url);
  return {};
}

Problem set_email_from(Config& config, std::string_view from) {
  if (from.find('@') == std::string_view::npos ||
      from.find_first_of(" <>\r\n") != std::string_view::npos) {
    return "the sender must be one email address, e.g. billing@utility.example";
  }
  config.email.from = std::string(from);
  return {};
}

Problem set_smtp_user(Config& config, std::string_view user) {
  config.email.smtp_user = std::string(user);
  return {};
}

Problem set_smtp_password(Config& config, std::string_view password) {
  config.email.smtp_password = std::string(password);
  return {};
}

Problem set_mail_folder(Config& config, std::string_view folder) {
  if (folder.empty()) return "the email folder must be named (default var/mail)";
  config.email.folder = std::string(folder);
  return {};
}

Problem set_sms_api_url(Config& config, std::string_view url) {
  if (!url.empty() && !url.starts_with("https://") && !url.starts_with("http://")) {
    return "the SMS provider must be https://HOST (http:// for a test double on loopback), or "
           "empty to write texts to sms.folder";
  }
  config.sms.api_url = std::string(url);
  return {};
}

Problem set_head_end_url(Config& config, std::string_view url) {
  if (!url.empty() && !url.starts_with("https://") && !url.starts_with("http://")) {
    return "the head-end must be https://HOST (http:// for a test double on loopback), or empty "
           "for none";
  }
  config.head_end.url = std::string(url);
  return {};
}

Problem set_head_end_token(Config& config, std::string_view token) {
  config.head_end.token = std::string(token);
  return {};
}

Problem set_sms_account(Config& config, std::string_view account) {
  if (account.find_first_of("/?#@: \t") != std::string_view::npos) {
    return "the SMS account id is one word (no '/', '?', '#', '@', ':' or spaces)";
  }
  config.sms.account = std::string(account);
  return {};
}

Problem set_sms_token(Config& config, std::string_view token) {
  config.sms.token = std::string(token);
  return {};
}

Problem set_sms_from(Config& config, std::string_view from) {
  if (!notify::is_e164(from)) {
    return "the sending number must be in E.164, e.g. +15415550100";
  }
  config.sms.from = std::string(from);
  return {};
}

Problem set_sms_folder(Config& config, std::string_view folder) {
  if (folder.empty()) return "the texts folder must be named (default var/texts)";
  config.sms.folder = std::string(folder);
  return {};
}

Problem set_public_url(Config& config, std::string_view url) {
  if (!url.starts_with("http://") && !url.starts_with("https://")) {
    return "the portal's public address must start with https:// (or http:// for a test host)";
  }
  config.portal.public_url = std::string(url);
  return {};
}

Problem set_signing_key_file(Config& config, std::string_view path) {
  if (path.empty())
    return "the audit signing key's file must be named (default var/audit-signing.key)";
  config.audit.signing_key_file = std::string(path);
  return {};
}

Problem set_checkpoint_file(Config& config, std::string_view path) {
  config.audit.checkpoint_file = std::string(path);
  return {};
}

Problem set_auditor_email(Config& config, std::string_view email) {
  if (!email.empty() && !normalize_email(email).ok()) {
    return "'" + std::string(email) + "' is not an email address";
  }
  config.audit.auditor_email = std::string(email);
  return {};
}

Problem set_log_level(Config& config, std::string_view name) {
  auto level = parse_log_level(name);
  if (!level) {
    return "unknown log level '" + std::string(name) + "': use trace, debug, info, warn or error";
  }
  config.log.level = *level;
  return {};
}

const std::array<Setting, 36>& settings() {
  static const std::array<Setting, 36> kSettings{{
      {"database", "url", {}, set_database_url, nullptr},
      {"database", "read_connections", IntegerRule{1, 256, "number of connections", ""}, nullptr,
       [](Config& c, std::int64_t v) { c.database.read_connections = v; }},
      {"http", "address", {}, set_http_address, nullptr},
      {"http", "port", IntegerRule{0, 65535, "port number", "0 = any free port"}, nullptr,
       [](Config& c, std::int64_t v) { c.http.port = v; }},
      {"http", "threads",
       IntegerRule{0, 1024, "number of threads",
                   "0 = the larger of 24 and 8 x the hardware threads"},
       nullptr, [](Config& c, std::int64_t v) { c.http.threads = v; }},
      {"http", "body_limit_bytes", IntegerRule{1, 1073741824, "number of bytes", ""}, nullptr,
       [](Config& c, std::int64_t v) { c.http.body_limit_bytes = v; }},
      {"http", "static_root", {}, set_static_root, nullptr},
      {"http", "trusted_proxies", {}, set_trusted_proxies, nullptr},
      {"http", "write_wait_budget_ms",
       IntegerRule{0, 60000, "number of milliseconds", "0 = writes are never refused for waiting"},
       nullptr, [](Config& c, std::int64_t v) { c.http.write_wait_budget_ms = v; }},
      {"http", "most_writes_in_flight",
       IntegerRule{0, 1024, "number of writes", "0 = chosen from the threads"}, nullptr,
       [](Config& c, std::int64_t v) { c.http.most_writes_in_flight = v; }},
      {"http", "most_reads_in_flight", IntegerRule{0, 1024, "number of reads", "0 = no bound"},
       nullptr, [](Config& c, std::int64_t v) { c.http.most_reads_in_flight = v; }},
      {"auth", "staff_token", {}, staff_token_is_gone, nullptr},
      {"utility", "name", {}, set_utility_name, nullptr},
      {"utility", "time_zone", {}, set_time_zone, nullptr},
      {"payments", "vault_key_file", {}, set_vault_key_file, nullptr},
      {"payments", "card_processor", {}, set_card_processor, nullptr},
      {"email", "smtp_url", {}, set_smtp_url, nullptr},
      {"email", "from", {}, set_email_from, nullptr},
      {"email", "smtp_user", {}, set_smtp_user, nullptr},
      {"email", "smtp_password", {}, set_smtp_password, nullptr},
      {"email", "folder", {}, set_mail_folder, nullptr},
      {"sms", "api_url", {}, set_sms_api_url, nullptr},
      {"sms", "account", {}, set_sms_account, nullptr},
      {"sms", "token", {}, set_sms_token, nullptr},
      {"sms", "from", {}, set_sms_from, nullptr},
      {"sms", "folder", {}, set_sms_folder, nullptr},
      {"head_end", "url", {}, set_head_end_url, nullptr},
      {"head_end", "token", {}, set_head_end_token, nullptr},
      {"portal", "public_url", {}, set_public_url, nullptr},
      {"audit", "signing_key_file", {}, set_signing_key_file, nullptr},
      {"audit", "checkpoint_minutes",
       IntegerRule{0, 10080, "number of minutes", "0 = only on demand"}, nullptr,
       [](Config& c, std::int64_t v) { c.audit.checkpoint_minutes = v; }},
      {"audit", "checkpoint_file", {}, set_checkpoint_file, nullptr},
      {"audit", "auditor_email", {}, set_auditor_email, nullptr},
      {"audit", "keep_access_days", IntegerRule{90, 36500, "number of days", "at least 90"},
       nullptr, [](Config& c, std::int64_t v) { c.audit.keep_access_days = v; }},
      {"audit", "keep_change_years", IntegerRule{7, 100, "number of years", "at least 7"}, nullptr,
       [](Config& c, std::int64_t v) { c.audit.keep_change_years = v; }},
      {"log", "level", {}, set_log_level, nullptr},
  }};
  return kSettings;
}

constexpr std::array<std::string_view, 11> kSections{"database", "http",  "auth", "utility",
                                                     "payments", "email", "sms",  "head_end",
                                                     "portal",   "audit", "log"};

bool is_section(std::string_view name) {
  return std::find(kSections.begin(), kSections.end(), name) != kSections.end();
}

const Setting* find_setting(std::string_view section, std::string_view key) {
  for (const Setting& setting : settings()) {
    if (setting.section == section && setting.key == key) return &setting;
  }
  return nullptr;
}

Problem apply_integer(const Setting& setting, Config& config, std::int64_t value) {
  const IntegerRule& rule = *setting.rule;
  if (value < rule.min || value > rule.max) {
    std::string problem = std::string(rule.noun) + " out of range: " + std::to_string(value) +
                          " (use " + std::to_string(rule.min) + " to " + std::to_string(rule.max);
    if (!rule.hint.empty()) problem += "; " + std::string(rule.hint);
    return problem + ")";
  }
  setting.set_integer(config, value);
  return {};
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

// Applies a value given as text (an environment variable or a flag).
Problem apply_text(const Setting& setting, Config& config, std::string_view text) {
  if (!setting.rule) return setting.set_text(config, text);
  std::string_view digits = trim(text);
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) {
    return "not a " + std::string(setting.rule->noun) + ": '" + std::string(text) + "'";
  }
  return apply_integer(setting, config, value);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// "; did you mean http.port?" for a near miss, else the section's settings.
std::string suggestion(std::string_view section, std::string_view key) {
  std::string known;
  for (const Setting& setting : settings()) {
    if (setting.section != section) continue;
    if (edit_distance(setting.key, key) <= 2) return "; did you mean " + setting.name() + "?";
    known += (known.empty() ? "" : ", ") + std::string(setting.key);
  }
  return "; the " + std::string(section) + " settings are " + known;
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

// ---- The file --------------------------------------------------------------------------------

namespace {

std::string toml_type_name(toml::node_type type) {
  switch (type) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

Error file_error(const std::string& path, const toml::node& node, const std::string& field,
                 const std::string& problem) {
  return invalid_input(field, "config file " + path + ": line " +
                                  std::to_string(node.source().begin.line) + ": " + problem);
}

Result<void> apply_file_value(Config& config, const std::string& path, const Setting& setting,
                              const toml::node& node) {
  Problem problem;
  if (setting.rule && node.is_integer()) {
    problem = apply_integer(setting, config, node.as_integer()->get());
  } else if (!setting.rule && node.is_string()) {
    problem = setting.set_text(config, node.as_string()->get());
  } else {
    problem = "must be " + std::string(setting.rule ? "an integer" : "a string") + ", not " +
              toml_type_name(node.type());
    if (!setting.rule && node.is_number()) problem += " (put the value in \"quotes\")";
  }
  if (problem.empty()) return success();
  return file_error(path, node, setting.name(), setting.name() + ": " + problem);
}

Result<void> apply_file_section(Config& config, const std::string& path, std::string_view section,
                                const toml::table& table) {
  for (auto&& [key, node] : table) {
    const Setting* setting = find_setting(section, key.str());
    std::string name = std::string(section) + "." + std::string(key.str());
    if (setting == nullptr) {
      return file_error(path, node, name,
                        "unknown setting " + name + suggestion(section, key.str()));
    }
    RP_TRY(apply_file_value(config, path, *setting, node));
  }
  return success();
}

Result<void> apply_file_table(Config& config, const std::string& path, const toml::table& root) {
  for (auto&& [key, node] : root) {
    std::string name(key.str());
    if (!is_section(name)) {
      std::string what =
          node.is_table() ? "unknown section [" + name + "]" : "unknown setting " + name;
      return file_error(path, node, name,
                        what +
                            "; the sections are [database], [http], [auth], [payments], [email], "
                            "[sms], [head_end], [portal], [audit], [log]");
    }
    if (!node.is_table()) {
      return file_error(
          path, node, name,
          name + " must be a section ([" + name + "]), not " + toml_type_name(node.type()));
    }
    RP_TRY(apply_file_section(config, path, name, *node.as_table()));
  }
  return success();
}

Result<std::string> read_config_file(const std::string& path) {
  std::error_code error;
  auto status = std::filesystem::status(path, error);
  if (!std::filesystem::exists(status)) {
    return invalid_input("config", "config file " + path +
                                       " does not exist (start without --config to use the "
                                       "defaults, or see `ratepayer config --example`)");
  }
  if (std::filesystem::is_directory(status)) {
    return invalid_input("config", "config file " + path + " is a folder, not a file");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in) return invalid_input("config", "config file " + path + " cannot be read");
  return content.str();
}

Result<void> apply_file(Config& config, const std::string& path) {
  auto content = read_config_file(path);
  RP_TRY(content);
  try {
    toml::table root = toml::parse(*content, path);
    return apply_file_table(config, path, root);
  } catch (const toml::parse_error& error) {
    return invalid_input("config", "config file " + path + ": line " +
                                       std::to_string(error.source().begin.line) + ": " +
                                       std::string(error.description()));
  }
}

// ---- The environment -------------------------------------------------------------------------

Result<void> apply_environment_variable(Config& config, const std::string& variable,
                                        const std::string& text) {
  for (const Setting& setting : settings()) {
    if (environment_variable_for(setting.name()) != variable) continue;
    Problem problem = apply_text(setting, config, text);
    if (problem.empty()) return success();
    return invalid_input(setting.name(), variable + ": " + problem);
  }
  // RATEPAYER_HTTP_PROT is a typo for a setting; RATEPAYER_TEST_ENGINE belongs to someone else.
  for (std::string_view section : kSections) {
    std::string prefix = "RATEPAYER_" + upper(section) + "_";
    if (!variable.starts_with(prefix)) continue;
    std::string key = variable.substr(prefix.size());
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string hint = suggestion(section, key);
    return invalid_input(std::string(section) + "." + key,
                         variable + ": unknown setting " + std::string(section) + "." + key + hint);
  }
  return success();
}

}  // namespace

Result<Config> load_config(const std::optional<std::string>& file_path,
                           const std::map<std::string, std::string>& environment) {
  Config config;
  if (file_path) RP_TRY(apply_file(config, *file_path));
  for (const auto& [variable, text] : environment) {
    RP_TRY(apply_environment_variable(config, variable, text));
  }
  return config;
}

std::map<std::string, std::string> process_environment() {
  std::map<std::string, std::string> variables;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string_view text(*entry);
    auto equals = text.find('=');
    if (!text.starts_with("RATEPAYER_") || equals == std::string_view::npos) continue;
    variables.emplace(std::string(text.substr(0, equals)), std::string(text.substr(equals + 1)));
  }
  return variables;
}

Result<void> set_setting(Config& config, std::string_view setting, std::string_view text,
                         std::string_view source) {
  auto dot = setting.find('.');
  const Setting* found = dot == std::string_view::npos
                             ? nullptr
                             : find_setting(setting.substr(0, dot), setting.substr(dot + 1));
  if (found == nullptr) {
    return invalid_input(std::string(setting),
                         std::string(source) + ": unknown setting " + std::string(setting));
  }
  Problem problem = apply_text(*found, config, text);
  if (problem.empty()) return success();
  return invalid_input(found->name(), std::string(source) + ": " + problem);
}

std::vector<std::string> setting_names() {
  std::vector<std::string> names;
  for (const Setting& setting : settings()) {
    if (setting.section != "utility" && setting.section != "auth") {
      names.push_back(setting.name());
    }
  }
  return names;
}

std::string environment_variable_for(std::string_view setting) {
  std::string variable = "RATEPAYER_" + upper(setting);
  std::replace(variable.begin(), variable.end(), '.', '_');
  return variable;
}

const char* log_level_name(LogLevel level) {
  switch (level) {
    case LogLevel::trace:
      return "trace";
    case LogLevel::debug:
      return "debug";
    case LogLevel::info:
      return "info";
    case LogLevel::warn:
      return "warn";
    case LogLevel::error:
      return "error";
  }
  return "info";
}

std::optional<LogLevel> parse_log_level(std::string_view name) {
  for (LogLevel level :
       {LogLevel::trace, LogLevel::debug, LogLevel::info, LogLevel::warn, LogLevel::error}) {
    if (name == log_level_name(level)) return level;
  }
  return std::nullopt;
}

std::size_t http_thread_count(const HttpConfig& http) {
  if (http.threads > 0) return static_cast<std::size_t>(http.threads);
  const std::size_t hardware = std::thread::hardware_concurrency();
  return std::max(kLeastHttpThreads, 8 * hardware);
}

std::size_t most_writes_in_flight(const HttpConfig& http) {
  if (http.most_writes_in_flight > 0) return static_cast<std::size_t>(http.most_writes_in_flight);
  const std::size_t threads = http_thread_count(http);
  const std::size_t kept_for_reads = std::max<std::size_t>(2, threads / 8);
  return threads > kept_for_reads + 1 ? threads - kept_for_reads : 1;
}

std::size_t most_reads_in_flight(const HttpConfig& http) {
  return static_cast<std::size_t>(http.most_reads_in_flight);
}

std::string example_config_toml() {
  return R"(# ratepayer.toml: Ratepayer's configuration (docs/configuration.md).
#
# Every setting below is shown at its default, so this file changes nothing until you edit it;
# delete the lines you do not change. Ratepayer starts without any file at all.
# Each setting can be overridden by an environment variable, RATEPAYER_<SECTION>_<KEY>
# (RATEPAYER_HTTP_PORT=9000), and then by a command-line flag.

[database]
# Where the data lives: sqlite:PATH (one file, nothing to run; the folder is created) or
# postgresql://USER@HOST:PORT/DBNAME. Env: RATEPAYER_DATABASE_URL
url = "sqlite:var/ratepayer.db"
# Read connections: SQLite readers, or the PostgreSQL pool size (1..256).
# Env: RATEPAYER_DATABASE_READ_CONNECTIONS
read_connections = 4

[http]
# The address to listen on; 0.0.0.0 listens on every interface. Env: RATEPAYER_HTTP_ADDRESS
address = "127.0.0.1"
# The TCP port, 0..65535; 0 picks any free port (tests). Env: RATEPAYER_HTTP_PORT
port = 8080
# Worker threads, 0..1024; 0 means 24 or 8 x the hardware threads, whichever is more.
# Env: RATEPAYER_HTTP_THREADS
threads = 0
# The largest request body accepted, in bytes (1..1073741824); larger ones get 413.
# Env: RATEPAYER_HTTP_BODY_LIMIT_BYTES
body_limit_bytes = 1048576
# The folder holding the built web front end (portal and staff console).
# Env: RATEPAYER_HTTP_STATIC_ROOT
static_root = "web/dist"
# The reverse proxies in front of the server, by IP address, comma-separated (10.0.0.5,10.0.0.6).
# Behind them the client's address, which sign-in throttling counts by, is the right-most
# X-Forwarded-For entry that is not a proxy. Empty: X-Forwarded-For is ignored.
# Env: RATEPAYER_HTTP_TRUSTED_PROXIES
trusted_proxies = ""
# Past its capacity the server refuses writes at once (503 with Retry-After; nothing is done, the
# portal sends them again) instead of letting every answer wait: while the database's writes wait
# longer than this many milliseconds (0..60000; 0 = never refuse for waiting). Batch work such as
# a bill run yields to customers' writes from half of it. Env: RATEPAYER_HTTP_WRITE_WAIT_BUDGET_MS
write_wait_budget_ms = 20
# The most writes and the most API reads handled at once (0..1024); more are refused as overloaded.
# Writes: 0 = all the threads but an eighth (at least 2), which always serve reads (24 threads: 21).
# Reads: 0 = no bound.
# Env: RATEPAYER_HTTP_MOST_WRITES_IN_FLIGHT, RATEPAYER_HTTP_MOST_READS_IN_FLIGHT
most_writes_in_flight = 0
most_reads_in_flight = 0

[payments]
# The key that seals bank account numbers: 64 hex digits in a file outside the database, made
# (readable by its owner only) on first start when missing. Back it up with the database: without
# it, stored bank accounts cannot be debited. Env: RATEPAYER_PAYMENTS_VAULT_KEY_FILE
vault_key_file = "var/vault.key"
# Who takes card payments: "none" refuses them (503, card-payments-unavailable) until a gateway
# is configured; "test" runs the built-in test processor (test cards only; the demo and the tests
# use it, and the log and /healthz say so). Env: RATEPAYER_PAYMENTS_CARD_PROCESSOR
card_processor = "none"

[email]
# The mail server or relay that sends customers' email (sign-up links, password resets):
# smtp://HOST:PORT (STARTTLS when the server offers it) or smtps://HOST:PORT. Empty: each email is
# written as an .eml file to `folder` instead (the demo has no mail server).
# Env: RATEPAYER_EMAIL_SMTP_URL
smtp_url = ""
# The sender address customers see. Env: RATEPAYER_EMAIL_FROM
from = "no-reply@ratepayer.localhost"
# SMTP sign-in, when the server asks for one; prefer the environment for the password.
# Env: RATEPAYER_EMAIL_SMTP_USER, RATEPAYER_EMAIL_SMTP_PASSWORD
smtp_user = ""
smtp_password = ""
# Where email goes when smtp_url is empty. Env: RATEPAYER_EMAIL_FOLDER
folder = "var/mail"

[sms]
# The SMS provider that texts customers (a link to prove a phone on file): its Messages API at
# https://api.twilio.com or a provider speaking the same API. Empty: each text is written as a
# file to `folder` instead (the demo has no provider). Env: RATEPAYER_SMS_API_URL
api_url = ""
# The provider account and its secret; prefer the environment for the token.
# Env: RATEPAYER_SMS_ACCOUNT, RATEPAYER_SMS_TOKEN
account = ""
token = ""
# The utility's sending number, E.164. Env: RATEPAYER_SMS_FROM
from = "+15005550006"
# Where texts go when api_url is empty. Env: RATEPAYER_SMS_FOLDER
folder = "var/texts"

[head_end]
# The AMI head-end that connects and disconnects meters for service orders that need no visit
# (its protocol: docs/orders.md). Empty: those orders wait for staff. Env: RATEPAYER_HEAD_END_URL
url = ""
# Its bearer token; prefer the environment. Env: RATEPAYER_HEAD_END_TOKEN
token = ""

[portal]
# The address customers reach the portal at; links in emails point here.
# Env: RATEPAYER_PORTAL_PUBLIC_URL
public_url = "http://localhost:8080"

[audit]
# The Ed25519 key that signs checkpoints of the audit trail, in a file outside the database (made
# on first start when missing; keep a copy of its public key with your auditor).
# Env: RATEPAYER_AUDIT_SIGNING_KEY_FILE
signing_key_file = "var/audit-signing.key"
# How often the server signs a checkpoint, in minutes; 0 = only `ratepayer audit checkpoint`.
# Env: RATEPAYER_AUDIT_CHECKPOINT_MINUTES
checkpoint_minutes = 60
# A file each checkpoint is appended to, one line each: put it where the database's administrators
# cannot write. Empty: none. Env: RATEPAYER_AUDIT_CHECKPOINT_FILE
checkpoint_file = ""
# The auditor's email: each checkpoint is emailed there. Empty: none.
# Env: RATEPAYER_AUDIT_AUDITOR_EMAIL
auditor_email = ""
# Retention: records of access (sign-ins, refusals, staff reads) lose who and what after this many
# days (at least 90); every other record (changes to money, accounts and access) after this many
# years (at least 7). Their hashes stay, so the trail still verifies.
# Env: RATEPAYER_AUDIT_KEEP_ACCESS_DAYS, RATEPAYER_AUDIT_KEEP_CHANGE_YEARS
keep_access_days = 365
keep_change_years = 7

[log]
# The least severe messages written: trace, debug, info, warn or error. Env: RATEPAYER_LOG_LEVEL
level = "info"
)";
}

}  // namespace rp::app

namespace rp::app {

std::vector<std::string> trusted_proxy_list(const HttpConfig& http) {
  std::vector<std::string> addresses;
  std::string_view rest = http.trusted_proxies;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view entry = rest.substr(0, comma);
    while (!entry.empty() && entry.front() == ' ') entry.remove_prefix(1);
    while (!entry.empty() && entry.back() == ' ') entry.remove_suffix(1);
    addresses.emplace_back(entry);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return addresses;
}

}  // namespace rp::app
