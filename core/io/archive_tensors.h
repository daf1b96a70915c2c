#pragma once
// The tensors of a torch.save / TorchScript archive, as its pickle refers to
// them: a persistent id names a storage (a record data/<key> of the zip), a
// _rebuild_tensor call views it. Every view is checked against the bytes the
// record really holds (sizes, strides and offset non-negative, the furthest
// element inside the storage, no 64-bit overflow), so a file cannot make a
// tensor read memory outside its data. Used by the restricted unpickler.
#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <ATen/core/ivalue.h>

#include "io/torch_zip.h"

namespace zsq::io {

// A value the archive's pickle gets wrong; the unpickler adds where.
struct PickleError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class ArchiveTensors {
public:
    explicit ArchiveTensors(const TorchZip& zip) : zip_(zip) {}

    // ('storage', <Storage class>, key, location, numel) -> a 1-D tensor of the
    // storage's type over the record data/<key> (read once, shared by every
    // view of it).
    at::Tensor storage(const c10::IValue& pid);

    // _rebuild_tensor(_v2)'s arguments (storage, storage_offset, size, stride,
    // ...), the storage one that storage() returned.
    at::Tensor rebuild(const std::vector<c10::IValue>& args, const std::string& name) const;

private:
    const TorchZip& zip_;
    std::map<std::string, at::Storage> storages_;
    std::set<const void*> storageViews_; // the tensors storage() made
};

} // namespace zsq::io
