#include "methods/lrq.h"

#include <algorithm>

#include "methods/losses.h"

namespace zsq::methods {

namespace {

class LrqMethod : public Method {
public:
    using Method::Method;
    std::string name() const override { return "lrq"; }

    GeneratorConfig generatorConfig(const models::ModelInfo& info) const override
    {
        GeneratorConfig g = Method::generatorConfig(info);
        g.longRange = options_.longRange;
        return g;
    }

    LossTerms generatorLoss(const GeneratorStep& step) override
    {
        LossTerms terms = Method::generatorLoss(step);
        if (options_.ama) {
            torch::Tensor logits = amaLogits(step.teacher.features, step.teacherModel.classifierWeight().detach(),
                                             step.labels, options_.amaScale, options_.amaMargin);
            terms["G/ama"] = options_.amaWeight * torch::cross_entropy_loss(logits, step.labels);
        }
        return terms;
    }

    LossTerms studentLoss(const torch::Tensor& s, const torch::Tensor& t, const torch::Tensor& labels,
                          int epochsSinceStart) override
    {
        if (!options_.dkd)
            return Method::studentLoss(s, t, labels, epochsSinceStart);
        // DKD's reference recipe: CE + a linearly warmed-up KD weight.
        const double ramp = options_.dkdWarmupEpochs > 0
                                ? std::min(1.0, (epochsSinceStart + 1.0) / options_.dkdWarmupEpochs)
                                : 1.0;
        DkdTerms d = dkdLoss(s, t, labels, options_.dkdTemperature);
        return {{"S/ce", torch::cross_entropy_loss(s, labels)},
                {"S/tckd", ramp * options_.dkdAlpha * d.tckd},
                {"S/nckd", ramp * options_.dkdBeta * d.nckd}};
    }
};

} // namespace

std::unique_ptr<Method> makeLrq(const MethodOptions& options)
{
    return std::make_unique<LrqMethod>(options);
}

} // namespace zsq::methods
