#include "io/archive_tensors.h"

#include <ATen/ATen.h>

#include "io/pickle_globals.h"

namespace zsq::io {

namespace {

using L = TorchSaveLimits;

[[noreturn]] void fail(const std::string& what)
{
    throw PickleError(what);
}

int64_t intOf(const c10::IValue& v, bool* ok)
{
    if (!v.isInt()) {
        *ok = false;
        return 0;
    }
    return v.toInt();
}
std::vector<int64_t> intsOf(const c10::IValue& v, const std::string& what)
{
    std::vector<c10::IValue> items;
    if (v.isTuple())
        items = v.toTupleRef().elements().vec();
    else if (v.isList())
        items = v.toListRef().vec();
    else
        fail("a tensor's " + what + " is not a tuple");
    if (items.size() > L::kMaxTensorDims)
        fail("a tensor with " + std::to_string(items.size()) + " dimensions");
    std::vector<int64_t> out;
    for (const auto& e : items) {
        bool ok = true;
        const int64_t x = intOf(e, &ok);
        if (!ok || x < 0)
            fail("a tensor's " + what + " holds " + (ok ? std::to_string(x) : std::string("a non-integer")));
        out.push_back(x);
    }
    return out;
}

} // namespace

at::Tensor ArchiveTensors::storage(const c10::IValue& pid)
{
    if (!pid.isTuple())
        fail("a persistent id that is not a tuple");
    const auto& e = pid.toTupleRef().elements();
    if (e.size() < 5 || !e[0].isString() || e[0].toStringRef() != "storage")
        fail("a persistent id that is not ('storage', type, key, location, size)");
    std::string typeName;
    bool known = false;
    const at::ScalarType type = isGlobal(e[1], &typeName) ? storageType(typeName, &known) : at::kByte;
    if (!known)
        fail("unsupported storage type " + (typeName.empty() ? std::string("(not a global)") : typeName));
    if (!e[2].isString() || !e[4].isInt())
        fail("a storage without a key or size");
    const std::string& key = e[2].toStringRef();
    const int64_t numel = e[4].toInt();
    if (numel < 0)
        fail("storage " + key + " has a negative size");
    const auto elem = static_cast<std::uint64_t>(c10::elementSize(type));

    auto cached = storages_.find(key);
    if (cached == storages_.end()) {
        at::Storage s;
        const std::string record = "data/" + key;
        if (zip_.has(record)) {
            const std::uint64_t size = zip_.entry(record).size;
            at::Tensor bytes = at::empty({static_cast<int64_t>(size)}, at::kByte);
            zip_.readInto(record, static_cast<char*>(bytes.data_ptr()));
            s = bytes.storage();
        } else if (numel == 0) {
            s = at::empty({0}, at::kByte).storage();
        } else {
            fail("storage " + key + " has no record " + record + " in the archive");
        }
        cached = storages_.emplace(key, s).first;
    }
    const std::uint64_t available = cached->second.nbytes();
    if (static_cast<std::uint64_t>(numel) > available / elem)
        fail("storage " + key + " claims " + std::to_string(numel) + " elements of " + std::to_string(elem) +
             " bytes, its record has " + std::to_string(available) + " bytes");
    at::Tensor typed = at::empty({0}, at::TensorOptions().dtype(type));
    typed.set_(cached->second, 0, {numel}, {1});
    if (type == at::kBool) // other bytes than 0/1 are not valid bools
        typed.view(at::kByte).clamp_max_(1);
    storageViews_.insert(typed.unsafeGetTensorImpl());
    return typed;
}

at::Tensor ArchiveTensors::rebuild(const std::vector<c10::IValue>& a, const std::string& name) const
{
    if (a.size() < 4)
        fail(name + " called without its 4 arguments");
    if (!a[0].isTensor() || !storageViews_.count(a[0].toTensor().unsafeGetTensorImpl()))
        fail(name + " without a storage from the archive");
    const at::Tensor& st = a[0].toTensor();
    bool ok = true;
    const int64_t offset = intOf(a[1], &ok);
    if (!ok || offset < 0)
        fail("a tensor with a storage offset that is " + (ok ? std::to_string(offset) : std::string("not an integer")));
    const std::vector<int64_t> sizes = intsOf(a[2], "size");
    const std::vector<int64_t> strides = intsOf(a[3], "stride");
    if (sizes.size() != strides.size())
        fail("a tensor with " + std::to_string(sizes.size()) + " sizes and " + std::to_string(strides.size()) +
             " strides");
    const int64_t available = st.numel();
    int64_t numel = 1, last = offset;
    bool overflow = false;
    for (std::size_t d = 0; d < sizes.size(); ++d) {
        overflow |= __builtin_mul_overflow(numel, sizes[d], &numel);
        if (sizes[d] > 0) {
            int64_t reach = 0;
            overflow |= __builtin_mul_overflow(sizes[d] - 1, strides[d], &reach);
            overflow |= __builtin_add_overflow(last, reach, &last);
        }
    }
    if (overflow)
        fail("a tensor whose size or extent overflows 64 bits");
    if (numel == 0 ? offset > available : last >= available)
        fail("a tensor that reaches element " + std::to_string(numel == 0 ? offset : last) +
             " of a storage with " + std::to_string(available) + " elements");
    if (numel > available && numel > L::kMaxViewElements)
        fail("a tensor view of " + std::to_string(numel) + " elements over a storage of " +
             std::to_string(available));
    at::Tensor t = at::empty({0}, st.options());
    t.set_(st.storage(), offset, sizes, strides);
    return t;
}

} // namespace zsq::io
