#include "notify/testing/loopback_server.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace rp::notify::testing {

LoopbackServer::LoopbackServer(const std::string& script, const std::vector<std::string>& arguments,
                               const std::string& missing) {
  std::string pattern = (std::filesystem::temp_directory_path() / "rp-double-XXXXXX").string();
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
  std::string path = std::string(RATEPAYER_SOURCE_DIR) + "/tests/" + script;
  std::string python = "/usr/bin/python3";
  std::vector<std::string> words{python, path, folder_};
  words.insert(words.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, python.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(to_child[0]);
  close(from_child[1]);
  if (spawned != 0) throw std::runtime_error("could not start " + path);
  pid_ = pid;
  stdin_fd_ = to_child[1];
  std::string line;
  char c = 0;
  while (read(from_child[0], &c, 1) == 1 && c != '\n') line.push_back(c);
  close(from_child[0]);
  if (!line.starts_with("listening ")) {
    throw std::runtime_error(path + " did not start (" + missing + "): '" + line + "'");
  }
  port_ = std::stoi(line.substr(10));
}

LoopbackServer::~LoopbackServer() {
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

std::vector<std::string> LoopbackServer::files(const std::string& extension) const {
  std::vector<std::pair<int, std::string>> numbered;
  for (const auto& entry : std::filesystem::directory_iterator(folder_)) {
    const auto name = entry.path().filename().string();
    if (!name.ends_with("." + extension)) continue;
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

std::vector<std::string> LoopbackServer::wait_for(const std::string& extension,
                                                  std::size_t count,
                                                  std::chrono::milliseconds timeout) const {
  const auto until = std::chrono::steady_clock::now() + timeout;
  auto got = files(extension);
  while (got.size() < count && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    got = files(extension);
  }
  return got;
}

}  // namespace rp::notify::testing
