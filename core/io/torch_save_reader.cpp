#include "io/torch_save_reader.h"

#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include <ATen/ATen.h>
#include <caffe2/serialize/in_memory_adapter.h>
#include <caffe2/serialize/inline_container.h>

namespace zsq::io {

namespace {

// Globals are kept on the stack as a tagged tuple ("\x01global", "module.name").
const char* const kGlobalTag = "\x01global";

c10::IValue makeGlobal(const std::string& module, const std::string& name)
{
    return c10::ivalue::Tuple::create(std::string(kGlobalTag), module + "." + name);
}

bool isGlobal(const c10::IValue& v, std::string* name = nullptr)
{
    if (!v.isTuple())
        return false;
    const auto& e = v.toTupleRef().elements();
    if (e.size() != 2 || !e[0].isString() || e[0].toStringRef() != kGlobalTag)
        return false;
    if (name)
        *name = e[1].toStringRef();
    return true;
}

const std::map<std::string, at::ScalarType>& storageTypes()
{
    static const std::map<std::string, at::ScalarType> types = {
        {"torch.FloatStorage", at::kFloat},   {"torch.DoubleStorage", at::kDouble},
        {"torch.HalfStorage", at::kHalf},     {"torch.BFloat16Storage", at::kBFloat16},
        {"torch.LongStorage", at::kLong},     {"torch.IntStorage", at::kInt},
        {"torch.ShortStorage", at::kShort},   {"torch.CharStorage", at::kChar},
        {"torch.ByteStorage", at::kByte},     {"torch.BoolStorage", at::kBool},
        {"torch.ComplexFloatStorage", at::kComplexFloat},
        {"torch.ComplexDoubleStorage", at::kComplexDouble},
    };
    return types;
}

std::vector<int64_t> intsOf(const c10::IValue& v)
{
    std::vector<int64_t> out;
    for (const auto& e : v.toTupleRef().elements())
        out.push_back(e.toInt());
    return out;
}

class Reader {
public:
    Reader(const std::string& pickle, caffe2::serialize::PyTorchStreamReader& zip) : p_(pickle), zip_(zip) {}

    c10::IValue run()
    {
        for (;;) {
            const auto op = static_cast<unsigned char>(byte());
            switch (op) {
            case 0x80: pos_ += 1; break;                                        // PROTO
            case 0x95: pos_ += 8; break;                                        // FRAME
            case '.': return pop();                                             // STOP
            case '(': marks_.push_back(stack_.size()); break;                   // MARK
            case '0': pop(); break;                                             // POP
            case '1': popMark(); break;                                         // POP_MARK
            case '2': stack_.push_back(top()); break;                           // DUP
            case 'N': stack_.emplace_back(); break;                             // NONE
            case 0x88: stack_.emplace_back(true); break;                        // NEWTRUE
            case 0x89: stack_.emplace_back(false); break;                       // NEWFALSE
            case 'K': stack_.emplace_back(int64_t(uint8_t(byte()))); break;     // BININT1
            case 'M': stack_.emplace_back(int64_t(le<uint16_t>())); break;      // BININT2
            case 'J': stack_.emplace_back(int64_t(le<int32_t>())); break;       // BININT
            case 0x8a: {                                                        // LONG1
                const int n = uint8_t(byte());
                int64_t v = 0;
                if (n > 8)
                    throw std::runtime_error("pickled integer wider than 64 bits");
                for (int i = 0; i < n; ++i)
                    v |= int64_t(uint8_t(byte())) << (8 * i);
                if (n > 0 && n < 8 && (v >> (8 * n - 1)) & 1)
                    v -= int64_t(1) << (8 * n);
                stack_.emplace_back(v);
                break;
            }
            case 'G': {                                                         // BINFLOAT (big endian)
                uint64_t bits = 0;
                for (int i = 0; i < 8; ++i)
                    bits = (bits << 8) | uint8_t(byte());
                double d;
                std::memcpy(&d, &bits, 8);
                stack_.emplace_back(d);
                break;
            }
            case 'X': case 'T': case 'B': stack_.emplace_back(bytes(le<uint32_t>())); break; // BINUNICODE, BINSTRING, BINBYTES
            case 0x8c: case 'U': case 'C': stack_.emplace_back(bytes(uint8_t(byte()))); break; // SHORT_*
            case 0x8d: case 0x8e: stack_.emplace_back(bytes(le<uint64_t>())); break;         // *8
            case '}': stack_.emplace_back(newDict()); break;                    // EMPTY_DICT
            case ']': stack_.emplace_back(c10::impl::GenericList(c10::AnyType::get())); break; // EMPTY_LIST
            case ')': stack_.emplace_back(c10::ivalue::Tuple::create(std::vector<c10::IValue>{})); break;
            case 't': stack_.emplace_back(c10::ivalue::Tuple::create(popMark())); break;     // TUPLE
            case 0x85: case 0x86: case 0x87: {                                  // TUPLE1..3
                std::vector<c10::IValue> e(op - 0x84);
                for (auto it = e.rbegin(); it != e.rend(); ++it)
                    *it = pop();
                stack_.emplace_back(c10::ivalue::Tuple::create(std::move(e)));
                break;
            }
            case 'l': {                                                         // LIST
                c10::impl::GenericList list(c10::AnyType::get());
                for (auto& v : popMark())
                    list.push_back(std::move(v));
                stack_.emplace_back(std::move(list));
                break;
            }
            case 'd': {                                                         // DICT
                auto items = popMark();
                c10::IValue dict = newDict();
                setItems(dict, items);
                stack_.push_back(dict);
                break;
            }
            case 'a': { c10::IValue v = pop(); append(top(), {v}); break; }     // APPEND
            case 'e': { auto items = popMark(); append(top(), items); break; }  // APPENDS
            case 's': {                                                         // SETITEM
                c10::IValue v = pop();
                c10::IValue k = pop();
                setItems(top(), {k, v});
                break;
            }
            case 'u': { auto items = popMark(); setItems(top(), items); break; } // SETITEMS
            case 'c': {                                                         // GLOBAL
                const std::string module = line();
                stack_.push_back(makeGlobal(module, line()));
                break;
            }
            case 0x93: {                                                        // STACK_GLOBAL
                const std::string name = pop().toStringRef();
                stack_.push_back(makeGlobal(pop().toStringRef(), name));
                break;
            }
            case 'q': memo_[uint8_t(byte())] = top(); break;                    // BINPUT
            case 'r': memo_[le<uint32_t>()] = top(); break;                     // LONG_BINPUT
            case 0x94: memo_[memo_.size()] = top(); break;                      // MEMOIZE
            case 'h': stack_.push_back(memo_.at(uint8_t(byte()))); break;       // BINGET
            case 'j': stack_.push_back(memo_.at(le<uint32_t>())); break;        // LONG_BINGET
            case 'Q': stack_.push_back(storage(pop())); break;                  // BINPERSID
            case 'R': {                                                         // REDUCE
                c10::IValue args = pop();
                c10::IValue fn = pop();
                stack_.push_back(reduce(fn, args));
                break;
            }
            case 0x81: {                                                        // NEWOBJ: cls.__new__(cls, *args)
                pop();
                c10::IValue cls = pop();
                std::string name;
                stack_.push_back(isGlobal(cls, &name) && name == "collections.OrderedDict" ? newDict() : c10::IValue());
                break;
            }
            case 'b': pop(); break; // BUILD: drop the state (OrderedDict._metadata, object __dict__s)
            default:
                throw std::runtime_error("unsupported pickle opcode " + std::to_string(op));
            }
        }
    }

private:
    char byte()
    {
        if (pos_ >= p_.size())
            throw std::runtime_error("pickle data ends early");
        return p_[pos_++];
    }
    template <class T>
    T le()
    {
        T v{};
        if (pos_ + sizeof(T) > p_.size())
            throw std::runtime_error("pickle data ends early");
        std::memcpy(&v, p_.data() + pos_, sizeof(T)); // little-endian hosts only
        pos_ += sizeof(T);
        return v;
    }
    std::string bytes(uint64_t n)
    {
        if (n > p_.size() - pos_)
            throw std::runtime_error("pickle data ends early");
        std::string s = p_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    std::string line()
    {
        const auto end = p_.find('\n', pos_);
        if (end == std::string::npos)
            throw std::runtime_error("pickle data ends early");
        std::string s = p_.substr(pos_, end - pos_);
        pos_ = end + 1;
        return s;
    }
    c10::IValue& top()
    {
        if (stack_.empty())
            throw std::runtime_error("malformed pickle (stack underflow)");
        return stack_.back();
    }
    c10::IValue pop()
    {
        c10::IValue v = top();
        stack_.pop_back();
        return v;
    }
    std::vector<c10::IValue> popMark()
    {
        if (marks_.empty() || marks_.back() > stack_.size())
            throw std::runtime_error("malformed pickle (no mark)");
        const std::size_t start = marks_.back();
        marks_.pop_back();
        std::vector<c10::IValue> items(stack_.begin() + start, stack_.end());
        stack_.resize(start);
        return items;
    }
    static c10::IValue newDict() { return c10::impl::GenericDict(c10::AnyType::get(), c10::AnyType::get()); }

    static void setItems(c10::IValue& target, const std::vector<c10::IValue>& items)
    {
        if (!target.isGenericDict())
            return; // items of an object we do not model
        auto dict = target.toGenericDict();
        for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
            const c10::IValue& k = items[i];
            if (k.isString() || k.isInt() || k.isDouble() || k.isBool())
                dict.insert_or_assign(k, items[i + 1]);
        }
    }
    static void append(c10::IValue& target, const std::vector<c10::IValue>& items)
    {
        if (!target.isList())
            return;
        auto list = target.toList();
        for (const auto& v : items)
            list.push_back(v);
    }

    // ('storage', <Storage class>, key, location, numel) -> an untyped tensor view of the record.
    c10::IValue storage(const c10::IValue& pid)
    {
        const auto& e = pid.toTupleRef().elements();
        if (e.size() < 5 || !e[0].isString() || e[0].toStringRef() != "storage")
            throw std::runtime_error("unsupported persistent id in pickle");
        std::string typeName;
        if (!isGlobal(e[1], &typeName) || !storageTypes().count(typeName))
            throw std::runtime_error("unsupported storage type " + typeName);
        const at::ScalarType type = storageTypes().at(typeName);
        const std::string key = e[2].toStringRef();
        auto cached = storages_.find(key);
        if (cached == storages_.end()) {
            const int64_t numel = e[4].toInt();
            const std::size_t nbytes = static_cast<std::size_t>(numel) * c10::elementSize(type);
            at::DataPtr data;
            if (nbytes > 0) {
                std::size_t size = 0;
                std::tie(data, size) = zip_.getRecord("data/" + key);
                if (size < nbytes)
                    throw std::runtime_error("tensor record data/" + key + " is too short");
            }
            at::Storage s(c10::Storage::use_byte_size_t(), nbytes, std::move(data), nullptr, false);
            cached = storages_.emplace(key, at::empty({0}, at::TensorOptions().dtype(type)).set_(s)).first;
        }
        return cached->second;
    }

    c10::IValue reduce(const c10::IValue& fn, const c10::IValue& args)
    {
        std::string name;
        if (!isGlobal(fn, &name))
            return c10::IValue();
        if (name == "collections.OrderedDict")
            return newDict(); // the items follow as SETITEMS
        if (name == "torch._utils._rebuild_tensor_v2" || name == "torch._utils._rebuild_tensor") {
            const auto& a = args.toTupleRef().elements();
            at::Tensor storageTensor = a.at(0).toTensor();
            at::Tensor t = at::empty({0}, storageTensor.options());
            t.set_(storageTensor.storage(), a.at(1).toInt(), intsOf(a.at(2)), intsOf(a.at(3)));
            return t;
        }
        if (name == "torch._utils._rebuild_parameter" || name == "torch._utils._rebuild_parameter_with_state")
            return args.toTupleRef().elements().at(0);
        if (name == "torch.jit._pickle.restore_type_tag")
            return args.toTupleRef().elements().at(0);
        if (name.rfind("torch.jit._pickle.build_", 0) == 0)
            return args.toTupleRef().elements().at(0);
        return c10::IValue(); // anything else (Namespace, numpy scalars, ...) becomes None
    }

    const std::string& p_;
    std::size_t pos_ = 0;
    caffe2::serialize::PyTorchStreamReader& zip_;
    std::vector<c10::IValue> stack_;
    std::vector<std::size_t> marks_;
    std::map<std::size_t, c10::IValue> memo_;
    std::map<std::string, at::Tensor> storages_;
};

} // namespace

c10::IValue readTorchSave(const std::vector<char>& bytes)
{
    auto adapter = std::make_shared<caffe2::serialize::MemoryReadAdapter>(bytes.data(), static_cast<off_t>(bytes.size()));
    caffe2::serialize::PyTorchStreamReader zip(adapter);
    if (!zip.hasRecord("data.pkl"))
        throw std::runtime_error("no data.pkl record (not a torch.save file)");
    if (zip.hasRecord("constants.pkl"))
        throw std::runtime_error("a TorchScript archive, not a torch.save file");
    auto [data, size] = zip.getRecord("data.pkl");
    const std::string pickle(static_cast<const char*>(data.get()), size);
    return Reader(pickle, zip).run();
}

} // namespace zsq::io
