#include "app/ingest_command.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/open_database.h"
#include "mdm/ingest.h"
#include "store/utility_settings.h"

namespace rp::app {
namespace {

// A file mapped read-only: a gigabyte of reads is parsed in place, not copied.
class MappedFile {
 public:
  static Result<MappedFile> open(const std::string& path) {
    int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) return invalid_input("file", "cannot read " + path);
    struct stat status {};
    if (::fstat(descriptor, &status) != 0 || !S_ISREG(status.st_mode)) {
      ::close(descriptor);
      return invalid_input("file", path + " is not a regular file");
    }
    MappedFile file;
    file.size_ = static_cast<std::size_t>(status.st_size);
    if (file.size_ > 0) {
      void* data = ::mmap(nullptr, file.size_, PROT_READ, MAP_PRIVATE, descriptor, 0);
      if (data == MAP_FAILED) {
        ::close(descriptor);
        return invalid_input("file", "cannot map " + path);
      }
      ::madvise(data, file.size_, MADV_SEQUENTIAL);
      file.data_ = static_cast<const char*>(data);
    }
    ::close(descriptor);
    return file;
  }
  MappedFile(MappedFile&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  MappedFile& operator=(MappedFile&&) = delete;
  ~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
  }
  std::string_view text() const { return {data_ ? data_ : "", size_}; }

 private:
  MappedFile() = default;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

std::string base_name(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

Result<mdm::ReadFormat> format_of(const IngestCommandOptions& options, const std::string& path,
                                  std::string_view text) {
  mdm::ReadFormat format;
  if (options.format) {
    if (!mdm::parse_read_format(*options.format, format)) {
      return invalid_input("format", "unknown format '" + *options.format +
                                         "': use csv, greenbutton, json or register_csv");
    }
    return format;
  }
  format = mdm::format_of_file_name(path);
  if (format == mdm::ReadFormat::csv) {
    std::string_view head = text.substr(0, 64);
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    if (head.starts_with("meter,channel,read_at")) format = mdm::ReadFormat::register_csv;
  }
  return format;
}

// The most memory the process has held so far (resident set, file pages mapped included).
std::int64_t peak_resident_bytes() {
  struct rusage usage {};
  ::getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::int64_t>(usage.ru_maxrss) * 1024;
}

nlohmann::json report_json(const std::string& path, const mdm::IngestReport& report) {
  nlohmann::json rejects = nlohmann::json::array();
  for (const mdm::LineReject& reject : report.first_rejects) {
    rejects.push_back({{"line", reject.line}, {"reason", reject.reason}, {"text", reject.text}});
  }
  return {{"file", path},
          {"ingest_id", report.ingest_id},
          {"format", report.format},
          {"repeated", report.repeated},
          {"resumed", report.resumed},
          {"accepted", report.accepted},
          {"estimated", report.estimated},
          {"exceptions", report.exceptions},
          {"held", report.held},
          {"rejected", report.rejected},
          {"days_written", report.days_written},
          {"first_rejects", rejects}};
}

void print_text(const std::string& path, const mdm::IngestReport& report) {
  std::cout << path << ": ";
  if (report.repeated) std::cout << "already ingested (ingest " << report.ingest_id << "); ";
  if (report.resumed) std::cout << "resumed an interrupted ingest; ";
  std::cout << "accepted " << report.accepted << ", estimated " << report.estimated
            << ", exceptions " << report.exceptions;
  if (report.format == "register_csv") std::cout << ", held " << report.held;
  std::cout << ", rejected " << report.rejected << " (ingest " << report.ingest_id << ")\n";
  for (const mdm::LineReject& reject : report.first_rejects) {
    std::cout << "  line " << reject.line << ": " << reject.reason << "\n";
  }
  if (report.rejected > static_cast<std::int64_t>(report.first_rejects.size())) {
    std::cout << "  ... and "
              << report.rejected - static_cast<std::int64_t>(report.first_rejects.size())
              << " more in read_rejects (ingest " << report.ingest_id << ")\n";
  }
}

// One file: mapped, its format found, ingested. The mapping lives until the ingest is done.
Result<mdm::IngestReport> ingest_file(store::Database& database, const UtilityZone& zone,
                                      const IngestCommandOptions& options,
                                      mdm::IngestOptions ingest_options, const std::string& path) {
  auto file = MappedFile::open(path);
  if (!file.ok()) return file.error();
  auto format = format_of(options, path, file->text());
  if (!format.ok()) return format.error();
  ingest_options.now = rp::now();
  mdm::IngestSource source{base_name(path), *format, file->text(), options.meter};
  return mdm::ingest_reads(database, zone, source, ingest_options);
}

// The crash test's hook: RATEPAYER_INGEST_KILL_AFTER_CHUNKS=N kills the process (SIGKILL, as
// `kill -9` would) right after the N-th chunk of a file commits.
std::size_t kill_after_chunks() {
  const char* value = std::getenv("RATEPAYER_INGEST_KILL_AFTER_CHUNKS");
  return value ? static_cast<std::size_t>(std::strtoull(value, nullptr, 10)) : 0;
}

}  // namespace

int ingest_command(const Config& config, const IngestCommandOptions& options) {
  configure_logging(config);
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto zone = (*database)->read<UtilityZone>(
      [](store::Session& session) { return store::utility_zone(session); });
  if (!zone.ok()) return command_failed(zone.error());
  mdm::IngestOptions ingest_options;
  if (std::size_t kill_after = kill_after_chunks(); kill_after > 0) {
    ingest_options.after_chunk = [kill_after](std::size_t chunks) {
      if (chunks >= kill_after) std::raise(SIGKILL);
      return true;
    };
  }
  if (const char* chunk = std::getenv("RATEPAYER_INGEST_CHUNK_DAYS")) {
    ingest_options.chunk_days = std::max<std::size_t>(1, std::strtoull(chunk, nullptr, 10));
  }
  int exit_code = 0;
  for (const std::string& path : options.files) {
    auto started = std::chrono::steady_clock::now();
    auto report = ingest_file(**database, *zone, options, ingest_options, path);
    if (!report.ok()) {
      std::cerr << "ratepayer: " << path << ": " << report.error().message << "\n";
      exit_code = 1;
      continue;
    }
    if (options.json) {
      nlohmann::json out = report_json(path, *report);
      out["seconds"] =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      out["peak_resident_bytes"] = peak_resident_bytes();
      std::cout << out.dump() << "\n";
    } else {
      print_text(path, *report);
    }
  }
  return exit_code;
}

}  // namespace rp::app
