// Named, recorded labs (see lab_store.h).
#include "runtime/lab_store.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "runtime/lab.h"
#include "runtime/netns.h"

namespace p4wb::runtime {

namespace {

namespace fs = std::filesystem;

bool validName(const std::string& n) {
  if (n.empty() || n.size() > 32) return false;
  return std::all_of(n.begin(), n.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

std::string recordPath(const std::string& dir, const std::string& name) { return dir + "/" + name + ".json"; }

Status writeRecord(const std::string& dir, const LabRecord& r) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return makeError(ec.value(), "cannot create " + dir);
  nlohmann::json pairs = nlohmann::json::array();
  for (const LabPair& p : r.pairs)
    pairs.push_back({{"dev", p.dev}, {"peer", p.peer}, {"dev_addr", p.devAddr}, {"peer_addr", p.peerAddr}});
  nlohmann::json j = {{"name", r.name}, {"netns", r.netns}, {"peer_netns", r.peerNetns}, {"pairs", pairs}};
  std::ofstream out(recordPath(dir, r.name), std::ios::trunc);
  out << j.dump(2) << "\n";
  out.close();
  if (!out) return makeError(EIO, "cannot write " + recordPath(dir, r.name));
  return {};
}

}  // namespace

std::string labStateDir() {
  const char* env = std::getenv("P4WB_LAB_DIR");
  return env && *env ? env : "/run/p4wb-labs";
}

Result<LabRecord> labRecord(const std::string& name, const std::string& dir) {
  if (!validName(name)) return makeError(EINVAL, "invalid lab name '" + name + "' (1-32 of A-Z a-z 0-9 _ -)");
  std::ifstream in(recordPath(dir, name));
  if (!in) return makeError(ENOENT, "no lab named " + name);
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return makeError(EINVAL, "the record of lab " + name + " is damaged");
  LabRecord r;
  r.name = name;
  try {  // value() throws on a member of the wrong type: a damaged record, not a crash
    r.netns = j.value("netns", "");
    r.peerNetns = j.value("peer_netns", "");
    if (j.contains("pairs") && j["pairs"].is_array())
      for (const auto& p : j["pairs"])
        r.pairs.push_back({p.value("dev", ""), p.value("peer", ""), p.value("dev_addr", ""), p.value("peer_addr", "")});
  } catch (const nlohmann::json::exception&) {
    return makeError(EINVAL, "the record of lab " + name + " is damaged");
  }
  return r;
}

Result<std::vector<LabRecord>> listLabs(const std::string& dir) {
  std::vector<LabRecord> out;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return out;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".json") continue;
    if (Result<LabRecord> r = labRecord(e.path().stem().string(), dir)) out.push_back(std::move(*r));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

Result<LabRecord> labUp(const std::string& name, unsigned pairs, const std::string& dir) {
  if (!validName(name)) return makeError(EINVAL, "invalid lab name '" + name + "' (1-32 of A-Z a-z 0-9 _ -)");
  if (pairs < 1 || pairs > 64) return makeError(EINVAL, "a lab has 1 to 64 veth pairs");
  if (labRecord(name, dir)) return makeError(EEXIST, "lab " + name + " exists already (p4wb lab down " + name + ")");
  LabRecord r{name, name, name + "-peer", {}};
  // Lab owns both namespaces from here: its destructor deletes them unless released.
  LabOptions first;
  first.netns = r.netns;
  first.peerNetns = r.peerNetns;
  first.vethA = "veth0";
  first.vethB = "peer0";
  first.addrA = "10.0.0.1/24";
  first.addrB = "10.0.0.2/24";
  Result<Lab> lab = Lab::create(first);
  if (!lab) return lab.error();
  r.pairs.push_back({first.vethA, first.vethB, first.addrA, first.addrB});
  for (unsigned i = 1; i < pairs; ++i) {
    LabOptions o = first;
    o.vethA = "veth" + std::to_string(i);
    o.vethB = "peer" + std::to_string(i);
    o.addrA = "10.0." + std::to_string(i) + ".1/24";
    o.addrB = "10.0." + std::to_string(i) + ".2/24";
    if (Status s = addVethPair(o); !s) return s.error();
    r.pairs.push_back({o.vethA, o.vethB, o.addrA, o.addrB});
  }
  if (Status s = writeRecord(dir, r); !s) return s.error();
  lab->release();
  return r;
}

Result<LabRecord> labDown(const std::string& name, const std::string& dir) {
  Result<LabRecord> r = labRecord(name, dir);
  if (!r) return r;
  // Deleting a namespace destroys the veths in it, and with them their peers.
  Status first = deleteNetns(r->netns);
  if (!r->peerNetns.empty())
    if (Status s = deleteNetns(r->peerNetns); !s && first) first = s;
  if (!first) return first.error();
  std::error_code ec;
  fs::remove(recordPath(dir, name), ec);
  if (ec) return makeError(ec.value(), "cannot remove " + recordPath(dir, name));
  return r;
}

}  // namespace p4wb::runtime
