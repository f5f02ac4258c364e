// Named labs that outlive the process that made them (`p4wb lab up/down`): namespace
// LAB with N veth pairs to namespace LAB-peer, recorded under a state directory so that
// `down` removes exactly what `up` created and nothing else.
//
//   LAB:       veth0 10.0.0.1/24   veth1 10.0.1.1/24 ...
//   LAB-peer:  peer0 10.0.0.2/24   peer1 10.0.1.2/24 ...
#pragma once

#include <string>
#include <vector>

#include "runtime/result.h"

namespace p4wb::runtime {

struct LabPair {
  std::string dev, peer;  // dev in LabRecord::netns, peer in LabRecord::peerNetns
  std::string devAddr, peerAddr;  // CIDR
};

struct LabRecord {
  std::string name;
  std::string netns, peerNetns;  // namespaces this lab created
  std::vector<LabPair> pairs;
};

// "/run/p4wb-labs", or env P4WB_LAB_DIR when set.
std::string labStateDir();

// Creates the lab (1..64 pairs; names 1-32 chars of [A-Za-z0-9_-]) and records it.
// EEXIST when the lab or one of its namespaces exists already; undoes everything on
// failure.
Result<LabRecord> labUp(const std::string& name, unsigned pairs, const std::string& stateDir = labStateDir());

// Deletes the recorded namespaces (their veths go with them) and the record. ENOENT
// "no lab named X" without a record; namespaces already gone are not an error.
Result<LabRecord> labDown(const std::string& name, const std::string& stateDir = labStateDir());

Result<LabRecord> labRecord(const std::string& name, const std::string& stateDir = labStateDir());
Result<std::vector<LabRecord>> listLabs(const std::string& stateDir = labStateDir());

}  // namespace p4wb::runtime
