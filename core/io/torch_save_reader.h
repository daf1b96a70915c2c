#pragma once
// The project's own reader of PyTorch zip files: the only code that parses
// the bytes of a torch.save file (state_dicts, training checkpoints, tensors,
// ZSQ checkpoints, run.ckpt). It does not use LibTorch's unpickler or
// caffe2's PyTorchStreamReader, which trust the file (LibTorch 1.13 checks no
// tensor's sizes, strides or offset against its storage, and crashes on
// malformed pickles).
//
// In parts: restricted_unpickler (opcodes, stack, memo, containers),
// pickle_globals (what a GLOBAL may name), archive_tensors (storages and the
// views over them, checked against the zip's records), torch_zip (records).
//
// What it accepts
//   - zip archives as torch.save / torch.jit.save write them: every record in
//     one folder, stored (or, with zlib, deflated), zip64 or not; each record
//     read is checked against its CRC-32, its size against the archive;
//   - pickle protocols 2..5 (the binary opcodes; not the text ones of protocol
//     0/1), a restricted unpickler in the spirit of PyTorch's
//     torch.load(weights_only=True): no global is ever imported or called.
//     A GLOBAL names one of these, which the reader interprets itself:
//       collections.OrderedDict                      -> a dict (its _metadata dropped)
//       torch._utils._rebuild_tensor_v2 / _rebuild_tensor,
//       torch._utils._rebuild_parameter(_with_state),
//       torch._tensor._rebuild_from_type_v2          -> a CPU tensor
//       torch.{Float,Double,Half,BFloat16,Long,Int,Short,Char,Byte,Bool,
//              ComplexFloat,ComplexDouble}Storage, torch.UntypedStorage
//                                                    -> a storage (persistent id)
//       torch.jit._pickle.restore_type_tag / build_* -> their first argument
//       builtins.set / frozenset (and EMPTY_SET...)  -> a list
//       torch.Size -> a tuple, _codecs.encode(s, "latin1") -> a string
//     Any other global is an inert placeholder: calling or constructing it
//     gives None (argparse.Namespace, numpy scalars, torch.device in a training
//     checkpoint do not stop reading its state_dict). Refused with an error:
//     tensor kinds this reader cannot rebuild (torch._utils._rebuild_qtensor,
//     sparse, ...: a tensor must not silently become None) and calls of
//     globals that only a malicious file names (os.system, builtins.eval,
//     subprocess.*, ...).
//   - every tensor: sizes, strides and storage offset non-negative, their
//     extent inside the storage the file holds for it (numel x element size
//     <= the record's length), at most kMaxTensorDims dimensions; a view
//     bigger than its storage (overlapping strides) at most
//     kMaxViewElements elements.
//
// Limits (each one an InputError naming it, never an allocation first)
//   data.pkl at most kMaxPickleBytes; a string or bytes object at most
//   kMaxStringBytes; nesting of tuples/lists/dicts at most kMaxDepth; memo
//   entries at most kMaxMemo; elements in all containers together at most
//   kMaxItems; zip entries at most kMaxZipEntries; a deflated record at most
//   kMaxInflatedBytes. Every stack operation is checked (no pop below the
//   current MARK, as in CPython); a container that is changed after it was
//   put into another one is refused, which rules out cycles (a dict that
//   contains itself).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <ATen/core/ivalue.h>

#include "io/torch_zip.h"

namespace zsq::io {

// Reads a torch.save file (as above). Throws InputError (without the path)
// for anything it refuses, including TorchScript archives.
c10::IValue readTorchSave(const std::vector<char>& bytes);

// The tensors of a TorchScript archive (torch.jit.save), read from its
// data.pkl by the same restricted unpickler and checks, without running or
// even parsing its code: module objects (classes __torch__.*) are read as
// their attributes, and every tensor attribute of the module and its
// submodules is returned under its dotted name (parameters and buffers, as
// named_parameters() + named_buffers() name them). Tensor constants of the
// code (constants.pkl) are not read. InputError (without the path) otherwise.
std::map<std::string, at::Tensor> readTorchScriptTensors(const std::vector<char>& bytes);

} // namespace zsq::io
