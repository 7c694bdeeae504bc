#pragma once
// A test double run as a child process on loopback: python3 tests/<script> FOLDER ARGS..., where
// FOLDER is a fresh temporary folder the double writes what it receives to, as <n>.<extension>.
// The script prints "listening PORT" once it accepts connections and serves until its stdin
// closes, which this object does when destroyed (so a test that dies never leaves it behind).

#include <chrono>
#include <string>
#include <vector>

namespace rp::notify::testing {

class LoopbackServer {
 public:
  // Throws std::runtime_error (with `missing` as the likely cause) if the double does not start.
  LoopbackServer(const std::string& script, const std::vector<std::string>& arguments,
                 const std::string& missing);
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  int port() const { return port_; }
  const std::string& folder() const { return folder_; }

  // The files <n>.<extension> written so far, read whole, by n.
  std::vector<std::string> files(const std::string& extension) const;
  // Waits until at least `count` such files exist (or the timeout); returns them all.
  std::vector<std::string> wait_for(const std::string& extension, std::size_t count,
                                    std::chrono::milliseconds timeout) const;

 private:
  std::string folder_;
  int port_ = 0;
  int pid_ = -1;
  int stdin_fd_ = -1;
};

}  // namespace rp::notify::testing
