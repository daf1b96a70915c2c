// The restricted unpickler of torch_save_reader.h: pickle protocols 2..5,
// binary opcodes only; every stack operation checked against the current
// MARK; containers bounded in depth and count and sealed once put into
// another one (no cycles); globals kept inert (pickle_globals.h) and tensors
// rebuilt only over the archive's own records (archive_tensors.h).
#include "io/restricted_unpickler.h"

#include <cstring>
#include <iterator>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/error.h"
#include "io/archive_tensors.h"
#include "io/pickle_globals.h"

namespace zsq::io {

namespace {

using L = TorchSaveLimits;

const char* opName(unsigned char op)
{
    switch (op) {
    case 0x85: return "TUPLE1";
    case 0x86: return "TUPLE2";
    case 0x87: return "TUPLE3";
    case 0x81: return "NEWOBJ";
    case 0x92: return "NEWOBJ_EX";
    case 0x93: return "STACK_GLOBAL";
    case 0x94: return "MEMOIZE";
    case 0x90: return "ADDITEMS";
    case 0x91: return "FROZENSET";
    case 'Q': return "BINPERSID";
    case 'R': return "REDUCE";
    case 'b': return "BUILD";
    case 'a': return "APPEND";
    case 'e': return "APPENDS";
    case 's': return "SETITEM";
    case 'u': return "SETITEMS";
    case 't': return "TUPLE";
    case 'l': return "LIST";
    case 'd': return "DICT";
    case '0': return "POP";
    case '1': return "POP_MARK";
    case '2': return "DUP";
    case 'q': return "BINPUT";
    case 'r': return "LONG_BINPUT";
    case 'h': return "BINGET";
    case 'j': return "LONG_BINGET";
    case '.': return "STOP";
    default: return nullptr;
    }
}

class Unpickler {
public:
    // scriptObjects: a TorchScript archive's data.pkl, whose module objects
    // (classes __torch__.*) become dicts of their attributes (BUILD's state)
    // instead of None.
    Unpickler(const std::string& pickle, const TorchZip& zip, bool scriptObjects = false)
        : p_(pickle), tensors_(zip), scriptObjects_(scriptObjects)
    {
    }

    // The module objects read so far (see Unpickled::scriptObjects).
    const std::set<const void*>& scriptObjects() const { return scriptObjects_set_; }
    bool isScriptObject(const c10::IValue& v) const
    {
        return v.isGenericDict() && scriptObjects_set_.count(v.internalToPointer()) > 0;
    }

    c10::IValue run()
    {
        try {
            return loop();
        } catch (const PickleError& e) { // from the archive's tensors: say where
            fail(e.what());
        }
    }

private:
    c10::IValue loop()
    {
        for (;;) {
            opPos_ = pos_;
            op_ = static_cast<unsigned char>(byte());
            switch (op_) {
            case 0x80: {                                                        // PROTO
                const int proto = static_cast<unsigned char>(byte());
                if (proto > 5)
                    fail("pickle protocol " + std::to_string(proto) + " (at most 5 is read)");
                break;
            }
            case 0x95: le<std::uint64_t>(); break;                              // FRAME (a hint)
            case '.': return pop();                                             // STOP
            case '(':                                                           // MARK
                marks_.push_back(stack_.size());
                break;
            case '0':                                                           // POP
                if (!marks_.empty() && marks_.back() == stack_.size())
                    marks_.pop_back();
                else
                    pop();
                break;
            case '1': popMark(); break;                                         // POP_MARK
            case '2': push(top()); break;                                       // DUP
            case 'N': push(c10::IValue()); break;                               // NONE
            case 0x88: push(c10::IValue(true)); break;                          // NEWTRUE
            case 0x89: push(c10::IValue(false)); break;                         // NEWFALSE
            case 'K': push(c10::IValue(int64_t(static_cast<unsigned char>(byte())))); break; // BININT1
            case 'M': push(c10::IValue(int64_t(le<std::uint16_t>()))); break;   // BININT2
            case 'J': push(c10::IValue(int64_t(le<std::int32_t>()))); break;    // BININT
            case 0x8a: push(c10::IValue(longN(static_cast<unsigned char>(byte())))); break; // LONG1
            case 0x8b: push(c10::IValue(longN(le<std::uint32_t>()))); break;    // LONG4
            case 'G': {                                                         // BINFLOAT (big endian)
                std::uint64_t bits = 0;
                for (int i = 0; i < 8; ++i)
                    bits = (bits << 8) | static_cast<unsigned char>(byte());
                double d;
                std::memcpy(&d, &bits, 8);
                push(c10::IValue(d));
                break;
            }
            case 'X': case 'T': case 'B':                                       // BINUNICODE, BINSTRING, BINBYTES
                push(c10::IValue(bytes(le<std::uint32_t>())));
                break;
            case 0x8c: case 'U': case 'C':                                      // SHORT_BINUNICODE, SHORT_BINSTRING, SHORT_BINBYTES
                push(c10::IValue(bytes(static_cast<unsigned char>(byte()))));
                break;
            case 0x8d: case 0x8e: case 0x96:                                    // BINUNICODE8, BINBYTES8, BYTEARRAY8
                push(c10::IValue(bytes(le<std::uint64_t>())));
                break;
            case '}': push(newContainer(newDict())); break;                     // EMPTY_DICT
            case ']': case 0x8f: push(newContainer(newList())); break;          // EMPTY_LIST, EMPTY_SET
            case ')': push(makeTuple({})); break;                               // EMPTY_TUPLE
            case 't': push(makeTuple(popMark())); break;                        // TUPLE
            case 0x85: case 0x86: case 0x87: {                                  // TUPLE1..3
                const std::size_t n = op_ - 0x84u;
                need(n);
                std::vector<c10::IValue> e(stack_.end() - static_cast<std::ptrdiff_t>(n), stack_.end());
                stack_.resize(stack_.size() - n);
                push(makeTuple(std::move(e)));
                break;
            }
            case 'l': case 0x91: {                                              // LIST, FROZENSET
                c10::IValue list = newContainer(newList());
                append(list, popMark());
                push(list);
                break;
            }
            case 'd': {                                                         // DICT
                auto items = popMark();
                c10::IValue dict = newContainer(newDict());
                setItems(dict, items);
                push(dict);
                break;
            }
            case 'a': {                                                         // APPEND
                need(2);
                c10::IValue v = pop();
                append(top(), {v});
                break;
            }
            case 'e': case 0x90: {                                              // APPENDS, ADDITEMS
                auto items = popMark();
                append(top(), items);
                break;
            }
            case 's': {                                                         // SETITEM
                need(3);
                c10::IValue v = pop();
                c10::IValue k = pop();
                setItems(top(), {k, v});
                break;
            }
            case 'u': {                                                         // SETITEMS
                auto items = popMark();
                if (items.size() % 2 != 0)
                    fail("SETITEMS with an odd number of items");
                setItems(top(), items);
                break;
            }
            case 'c': {                                                         // GLOBAL
                const std::string module = line();
                const std::string name = line();
                push(makeGlobal(module + "." + name));
                break;
            }
            case 0x93: {                                                        // STACK_GLOBAL
                need(2);
                const c10::IValue name = pop();
                const c10::IValue module = pop();
                if (!module.isString() || !name.isString())
                    fail("STACK_GLOBAL without two strings");
                push(makeGlobal(module.toStringRef() + "." + name.toStringRef()));
                break;
            }
            case 'q': memoPut(static_cast<unsigned char>(byte())); break;       // BINPUT
            case 'r': memoPut(le<std::uint32_t>()); break;                      // LONG_BINPUT
            case 0x94: memoPut(memo_.size()); break;                            // MEMOIZE
            case 'h': push(memoGet(static_cast<unsigned char>(byte()))); break; // BINGET
            case 'j': push(memoGet(le<std::uint32_t>())); break;                // LONG_BINGET
            case 'Q': {                                                         // BINPERSID
                need(1);
                c10::IValue pid = pop();
                push(tensors_.storage(pid));
                break;
            }
            case 'R': {                                                         // REDUCE
                need(2);
                c10::IValue args = pop();
                c10::IValue fn = pop();
                push(reduce(fn, args));
                break;
            }
            case 0x81: {                                                        // NEWOBJ: cls.__new__(cls, *args)
                need(2);
                pop();
                push(construct(pop()));
                break;
            }
            case 0x92: {                                                        // NEWOBJ_EX
                need(3);
                pop();
                pop();
                push(construct(pop()));
                break;
            }
            case 'b': {                                                         // BUILD
                need(2);
                const c10::IValue state = pop();
                // The state of a TorchScript module object: its attributes.
                // Any other object's state is dropped.
                if (isScriptObject(top()) && state.isGenericDict()) {
                    std::vector<c10::IValue> items;
                    for (const auto& e : state.toGenericDict()) {
                        items.push_back(e.key());
                        items.push_back(e.value());
                    }
                    setItems(top(), items);
                }
                break;
            }
            default:
                fail("unsupported pickle opcode 0x" + hex(op_));
            }
        }
    }

    // ----- errors and input

    [[noreturn]] void fail(const std::string& what) const
    {
        throw InputError("malformed pickle data.pkl (byte " + std::to_string(opPos_) + "): " + what);
    }
    static std::string hex(unsigned v)
    {
        static const char* digits = "0123456789abcdef";
        return std::string{digits[(v >> 4) & 15], digits[v & 15]};
    }
    std::string opLabel() const
    {
        const char* n = opName(op_);
        return n ? std::string(n) : "opcode 0x" + hex(op_);
    }

    char byte()
    {
        if (pos_ >= p_.size())
            fail("the data ends without STOP (truncated?)");
        return p_[pos_++];
    }
    template <class T>
    T le()
    {
        T v{};
        if (sizeof(T) > p_.size() - pos_)
            fail("the data ends inside " + opLabel() + " (truncated?)");
        std::memcpy(&v, p_.data() + pos_, sizeof(T)); // little-endian hosts only
        pos_ += sizeof(T);
        return v;
    }
    std::string bytes(std::uint64_t n)
    {
        if (n > L::kMaxStringBytes)
            fail("a string of " + std::to_string(n) + " bytes (at most " + std::to_string(L::kMaxStringBytes) + ")");
        if (n > p_.size() - pos_)
            fail("a string runs past the end of the data (truncated?)");
        std::string s = p_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    std::string line()
    {
        const auto end = p_.find('\n', pos_);
        if (end == std::string::npos || end - pos_ > 1024)
            fail("GLOBAL without a name line");
        std::string s = p_.substr(pos_, end - pos_);
        pos_ = end + 1;
        return s;
    }
    int64_t longN(std::uint64_t n)
    {
        if (n > 8)
            fail("an integer wider than 64 bits");
        if (n > p_.size() - pos_)
            fail("the data ends inside an integer (truncated?)");
        std::uint64_t v = 0;
        for (std::uint64_t i = 0; i < n; ++i)
            v |= std::uint64_t(static_cast<unsigned char>(p_[pos_ + i])) << (8 * i);
        pos_ += n;
        if (n > 0 && n < 8 && ((v >> (8 * n - 1)) & 1))
            v |= ~std::uint64_t(0) << (8 * n); // sign-extend
        return static_cast<int64_t>(v);
    }

    // ----- the stack (never below the current MARK, as in CPython)

    std::size_t fence() const { return marks_.empty() ? 0 : marks_.back(); }
    void need(std::size_t n) const
    {
        if (stack_.size() - fence() < n)
            fail(opLabel() + " needs " + std::to_string(n) + " item" + (n == 1 ? "" : "s") + " on the stack, it has " +
                 std::to_string(stack_.size() - fence()));
    }
    void push(c10::IValue v)
    {
        if (stack_.size() >= L::kMaxItems)
            fail("more than " + std::to_string(L::kMaxItems) + " items on the stack");
        stack_.push_back(std::move(v));
    }
    c10::IValue& top()
    {
        need(1);
        return stack_.back();
    }
    c10::IValue pop()
    {
        need(1);
        c10::IValue v = std::move(stack_.back());
        stack_.pop_back();
        return v;
    }
    std::vector<c10::IValue> popMark()
    {
        if (marks_.empty())
            fail(opLabel() + " without a MARK");
        const std::size_t start = marks_.back();
        marks_.pop_back();
        std::vector<c10::IValue> items(std::make_move_iterator(stack_.begin() + static_cast<std::ptrdiff_t>(start)),
                                       std::make_move_iterator(stack_.end()));
        stack_.resize(start);
        return items;
    }

    void memoPut(std::size_t index)
    {
        need(1);
        if (memo_.size() >= L::kMaxMemo && !memo_.count(index))
            fail("more than " + std::to_string(L::kMaxMemo) + " memo entries");
        memo_[index] = stack_.back();
    }
    c10::IValue memoGet(std::size_t index)
    {
        auto it = memo_.find(index);
        if (it == memo_.end())
            fail(opLabel() + " of memo entry " + std::to_string(index) + ", which was never stored");
        return it->second;
    }

    // ----- containers: depth, sealing (no cycles), item count

    struct Info {
        std::size_t depth = 1;
        bool sealed = false;
    };
    static bool isContainer(const c10::IValue& v) { return v.isTuple() || v.isList() || v.isGenericDict(); }
    static c10::IValue newDict() { return c10::impl::GenericDict(c10::AnyType::get(), c10::AnyType::get()); }
    static c10::IValue newList() { return c10::impl::GenericList(c10::AnyType::get()); }

    c10::IValue newContainer(c10::IValue v)
    {
        info_[v.internalToPointer()] = Info{};
        return v;
    }
    std::size_t depthOf(const c10::IValue& v) const
    {
        if (!isContainer(v))
            return 0;
        auto it = info_.find(v.internalToPointer());
        return it == info_.end() ? 1 : it->second.depth;
    }
    // `child` goes into the container `parent` (of `parentInfo`).
    void adopt(const c10::IValue& parent, Info& parentInfo, const c10::IValue& child)
    {
        if (++items_ > L::kMaxItems)
            fail("more than " + std::to_string(L::kMaxItems) + " container elements");
        if (!isContainer(child))
            return;
        if (parent.isPtrType() && child.internalToPointer() == parent.internalToPointer())
            fail("a container that contains itself");
        auto& ci = info_[child.internalToPointer()];
        ci.sealed = true;
        if (ci.depth + 1 > parentInfo.depth)
            parentInfo.depth = ci.depth + 1;
        if (parentInfo.depth > L::kMaxDepth)
            fail("containers nested deeper than " + std::to_string(L::kMaxDepth) + " levels");
    }
    Info& mutableInfo(const c10::IValue& target)
    {
        Info& info = info_[target.internalToPointer()];
        if (info.sealed)
            fail(opLabel() + " changes a container after it was put into another one (a cycle?)");
        return info;
    }

    c10::IValue makeTuple(std::vector<c10::IValue> items)
    {
        Info info;
        for (const auto& v : items)
            adopt(c10::IValue(), info, v);
        c10::IValue t = c10::ivalue::Tuple::create(std::move(items));
        info_[t.internalToPointer()] = info;
        return t;
    }
    c10::IValue makeGlobal(const std::string& name)
    {
        return makeTuple({c10::IValue(std::string(kGlobalTag)), c10::IValue(name)});
    }

    void setItems(const c10::IValue& target, const std::vector<c10::IValue>& items)
    {
        if (!target.isGenericDict())
            return; // the items of an object we do not model
        Info& info = mutableInfo(target);
        auto dict = target.toGenericDict();
        for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
            const c10::IValue& k = items[i];
            if (!(k.isString() || k.isInt() || k.isDouble() || k.isBool()))
                continue; // keys we cannot hash (tuples, objects) are dropped
            adopt(target, info, items[i + 1]);
            dict.insert_or_assign(k, items[i + 1]);
        }
    }
    void append(const c10::IValue& target, const std::vector<c10::IValue>& items)
    {
        if (!target.isList())
            return;
        Info& info = mutableInfo(target);
        auto list = target.toList();
        for (const auto& v : items) {
            adopt(target, info, v);
            list.push_back(v);
        }
    }

    // ----- what globals mean

    std::vector<c10::IValue> tupleArgs(const c10::IValue& args, const std::string& fn, std::size_t atLeast)
    {
        if (!args.isTuple() || args.toTupleRef().elements().size() < atLeast)
            fail(fn + " called without its " + std::to_string(atLeast) + " arguments");
        return args.toTupleRef().elements().vec();
    }

    c10::IValue construct(const c10::IValue& cls)
    {
        std::string name;
        if (!isGlobal(cls, &name))
            return c10::IValue();
        if (isDangerous(name))
            fail("the file asks to create " + name + ", which no weights file does (refused)");
        if (name == "collections.OrderedDict")
            return newContainer(newDict());
        if (scriptObjects_ && name.rfind("__torch__.", 0) == 0) {
            c10::IValue object = newContainer(newDict());
            scriptObjects_set_.insert(object.internalToPointer());
            return object;
        }
        return c10::IValue();
    }

    c10::IValue reduce(const c10::IValue& fn, const c10::IValue& args)
    {
        std::string name;
        if (!isGlobal(fn, &name))
            return c10::IValue(); // e.g. a method of an unknown object
        if (isDangerous(name))
            fail("the file asks to call " + name + ", which no weights file does (refused)");
        if (name == "collections.OrderedDict")
            return newContainer(newDict()); // the items follow as SETITEMS
        if (name == "torch._utils._rebuild_tensor_v2" || name == "torch._utils._rebuild_tensor")
            return tensors_.rebuild(tupleArgs(args, name, 4), name);
        if (name == "torch._utils._rebuild_parameter" || name == "torch._utils._rebuild_parameter_with_state") {
            const auto a = tupleArgs(args, name, 1);
            if (!a[0].isTensor())
                fail(name + " of something that is not a tensor");
            return a[0];
        }
        if (name == "torch._tensor._rebuild_from_type_v2") { // (func, type, args, state)
            const auto a = tupleArgs(args, name, 3);
            std::string inner;
            if (!isGlobal(a[0], &inner) || inner.rfind("torch._utils._rebuild_", 0) != 0)
                fail(name + " of something that is not a tensor");
            return reduce(a[0], a[2]);
        }
        if (name.rfind("torch._utils._rebuild_", 0) == 0 || name.rfind("torch._tensor._rebuild", 0) == 0)
            fail("a tensor of a kind this reader does not read (" + name + ")");
        if (name == "torch.jit._pickle.restore_type_tag" || name.rfind("torch.jit._pickle.build_", 0) == 0)
            return tupleArgs(args, name, 1)[0];
        if (name == "builtins.set" || name == "builtins.frozenset" || name == "__builtin__.set" ||
            name == "__builtin__.frozenset") {
            c10::IValue list = newContainer(newList());
            if (args.isTuple() && !args.toTupleRef().elements().empty()) {
                const c10::IValue& src = args.toTupleRef().elements()[0];
                if (src.isList())
                    append(list, src.toListRef().vec());
                else if (src.isTuple())
                    append(list, src.toTupleRef().elements().vec());
            }
            return list;
        }
        if (name == "torch.Size") {
            const auto a = tupleArgs(args, name, 1);
            if (!a[0].isTuple())
                fail("torch.Size of something that is not a tuple");
            return makeTuple(a[0].toTupleRef().elements().vec());
        }
        if (name == "_codecs.encode") { // protocol 2's bytes: encode(text, "latin1")
            const auto a = tupleArgs(args, name, 2);
            if (!a[0].isString() || !a[1].isString() || a[1].toStringRef() != "latin1")
                return c10::IValue();
            return c10::IValue(latin1(a[0].toStringRef()));
        }
        return c10::IValue(); // anything else (argparse.Namespace, numpy scalars, ...) becomes None
    }

    std::string latin1(const std::string& utf8)
    {
        std::string out;
        for (std::size_t i = 0; i < utf8.size(); ++i) {
            const auto c = static_cast<unsigned char>(utf8[i]);
            if (c < 0x80)
                out += static_cast<char>(c);
            else if ((c & 0xE0) == 0xC0 && i + 1 < utf8.size() && c <= 0xC3)
                out += static_cast<char>(((c & 0x03) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3F));
            else
                fail("_codecs.encode of text that is not latin-1");
        }
        return out;
    }

    const std::string& p_;
    ArchiveTensors tensors_;
    std::size_t pos_ = 0, opPos_ = 0;
    unsigned char op_ = 0;
    std::vector<c10::IValue> stack_;
    std::vector<std::size_t> marks_;
    std::unordered_map<std::size_t, c10::IValue> memo_;
    std::unordered_map<const void*, Info> info_;
    std::uint64_t items_ = 0;
    bool scriptObjects_ = false;
    std::set<const void*> scriptObjects_set_;
};

} // namespace

bool Unpickled::isScriptObject(const c10::IValue& v) const
{
    return v.isGenericDict() && scriptObjects.count(v.internalToPointer()) > 0;
}

Unpickled unpickle(const std::string& pickle, const TorchZip& zip, bool scriptObjects)
{
    Unpickler unpickler(pickle, zip, scriptObjects);
    Unpickled out;
    out.root = unpickler.run();
    out.scriptObjects = unpickler.scriptObjects();
    return out;
}

} // namespace zsq::io
