#pragma once
// The traced student as an ONNX model (opset 13) in the QDQ form:
//   - a quantized layer's weight is an int8 initialiser holding the k-bit
//     integers q (-2^(k-1) .. 2^(k-1)-1) and a DequantizeLinear with scale
//     1/s and zero point -zp (per output channel on axis 0, or per tensor),
//     so that DequantizeLinear gives (q + zp) / s as fake_quant.h does;
//   - a quantized activation is Clip(lo, hi) -> QuantizeLinear ->
//     DequantizeLinear, the Clip bounds being the k-bit grid's ends, so that a
//     grid narrower than 8 bits is represented exactly by the 8-bit types;
//   - BatchNorm stays a BatchNormalization node (the student runs it in float
//     after the quantized convolution; folding it would change the grid).
// The model is checked with onnx::checker and shape inference before it is
// returned.
#include <string>
#include <vector>

#include "export/traced_student.h"
#include "models/model.h"

namespace zsq::exporting {

struct OnnxBuildResult {
    std::string bytes;               // the serialized ModelProto
    int activationQuantizers = 0;    // QuantizeLinear nodes
    std::vector<std::string> notes;
};

// InputError when the graph holds something ONNX cannot express exactly.
// Throws RuntimeFailure when this build has no ONNX support.
OnnxBuildResult buildOnnxModel(const TracedStudent& student, const models::ModelInfo& info);

} // namespace zsq::exporting
