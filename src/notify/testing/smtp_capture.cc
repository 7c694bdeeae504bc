#include "notify/testing/smtp_capture.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace rp::notify::testing {

SmtpCapture::SmtpCapture() {
  std::string pattern = (std::filesystem::temp_directory_path() / "rp-smtp-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  folder_ = pattern;
  int to_child[2];
  int from_child[2];
  if (pipe(to_child) != 0 || pipe(from_child) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, to_child[0], 0);
  posix_spawn_file_actions_adddup2(&actions, from_child[1], 1);
  posix_spawn_file_actions_addclose(&actions, to_child[1]);
  posix_spawn_file_actions_addclose(&actions, from_child[0]);
  std::string script = std::string(RATEPAYER_SOURCE_DIR) + "/tests/smtp/capture_smtp.py";
  std::string python = "/usr/bin/python3";
  char* argv[] = {python.data(), script.data(), folder_.data(), nullptr};
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, python.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(to_child[0]);
  close(from_child[1]);
  if (spawned != 0) throw std::runtime_error("could not start " + script);
  pid_ = pid;
  stdin_fd_ = to_child[1];
  std::string line;
  char c = 0;
  while (read(from_child[0], &c, 1) == 1 && c != '\n') line.push_back(c);
  close(from_child[0]);
  if (!line.starts_with("listening ")) {
    throw std::runtime_error(
        "the SMTP capture server did not start (is python3-aiosmtpd "
        "installed?): '" +
        line + "'");
  }
  port_ = std::stoi(line.substr(10));
}

SmtpCapture::~SmtpCapture() {
  if (stdin_fd_ >= 0) close(stdin_fd_);
  if (pid_ > 0) {
    int status = 0;
    for (int i = 0; i < 50 && waitpid(pid_, &status, WNOHANG) == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (waitpid(pid_, &status, WNOHANG) == 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
    }
  }
  std::error_code ignored;
  std::filesystem::remove_all(folder_, ignored);
}

std::vector<std::string> SmtpCapture::messages() const {
  std::vector<std::pair<int, std::string>> numbered;
  for (const auto& entry : std::filesystem::directory_iterator(folder_)) {
    const auto name = entry.path().filename().string();
    if (!name.ends_with(".eml")) continue;
    std::ifstream file(entry.path(), std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    numbered.emplace_back(std::stoi(name), text.str());
  }
  std::sort(numbered.begin(), numbered.end());
  std::vector<std::string> out;
  for (auto& [number, text] : numbered) out.push_back(std::move(text));
  return out;
}

std::vector<std::string> SmtpCapture::wait_for(std::size_t count,
                                               std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  auto got = messages();
  while (got.size() < count && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    got = messages();
  }
  return got;
}

std::string first_link(const std::string& message) {
  auto begin = message.find("http://");
  if (begin == std::string::npos) begin = message.find("https://");
  if (begin == std::string::npos) return "";
  auto end = message.find_first_of(" \r\n", begin);
  return message.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

}  // namespace rp::notify::testing
