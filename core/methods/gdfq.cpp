// GDFQ (Xu et al., ECCV 2020), the baseline the other methods build on:
// L_G = CE(teacher(G(z, y)), y) + 0.1 * BNS; L_S = KD(T = 20, 'mean') + CE.
#include "common/error.h"
#include "engine/bn_statistics.h"
#include "methods/clusterq.h"
#include "methods/losses.h"
#include "methods/lrq.h"
#include "methods/method.h"
#include "models/preprocessing.h"

namespace zsq::methods {

GeneratorConfig Method::generatorConfig(const models::ModelInfo& info) const
{
    GeneratorConfig g;
    g.numClasses = info.numClasses;
    g.channels = info.inChannels;
    g.imageSize = models::effectiveInputSize(info);
    g.style = defaultStyleFor(models::effectiveInputSize(info));
    return g;
}

LossTerms Method::generatorLoss(const GeneratorStep& step)
{
    return {{"G/ce", torch::cross_entropy_loss(step.teacherLogits, step.labels)},
            {"G/bns", options_.bnsWeight * engine::bnsLoss(step.teacher.bnInputs)}};
}

LossTerms Method::studentLoss(const torch::Tensor& s, const torch::Tensor& t, const torch::Tensor& labels, int)
{
    return {{"S/kd", kdLoss(s, t, options_.kdTemperature, KlReduction::Mean)},
            {"S/ce", torch::cross_entropy_loss(s, labels)}};
}

namespace {
class GdfqMethod : public Method {
public:
    using Method::Method;
    std::string name() const override { return "gdfq"; }
};
} // namespace

std::unique_ptr<Method> makeMethod(const std::string& name, const MethodOptions& options)
{
    if (name == "gdfq")
        return std::make_unique<GdfqMethod>(options);
    if (name == "clusterq")
        return makeClusterQ(options);
    if (name == "lrq")
        return makeLrq(options);
    throw InputError("unknown method '" + name + "' (gdfq, clusterq, lrq)");
}

} // namespace zsq::methods
