#pragma once
// Small helpers shared by the test suites. Include after the core headers
// (torch first, Qt last: Qt's `slots` macro breaks LibTorch's headers).
#include <initializer_list>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "common/error.h"

#include <QtTest>

namespace zsq::test {

// A 1-d float tensor from literals.
inline torch::Tensor floats(std::initializer_list<float> values)
{
    return torch::tensor(std::vector<float>(values), torch::kFloat);
}

inline std::string show(const torch::Tensor& t)
{
    std::ostringstream os;
    os << t.detach().to(torch::kDouble).flatten();
    std::string s = os.str();
    for (char& c : s)
        if (c == '\n')
            c = ' ';
    return s;
}

inline double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b)
{
    return (a.detach().to(torch::kDouble) - b.detach().to(torch::kDouble)).abs().max().item<double>();
}

// Runs f and returns the message of the zsq::InputError it throws, or nothing
// when it returns normally. Any other exception escapes to Qt Test, which
// fails the test function.
template <class F>
std::optional<std::string> inputErrorOf(F&& f)
{
    try {
        f();
    } catch (const zsq::InputError& e) {
        return std::string(e.what());
    }
    return std::nullopt;
}

} // namespace zsq::test

// Element-wise comparison with an absolute tolerance; prints both tensors on
// failure.
#define ZSQ_COMPARE_TENSORS(actual, expected, tolerance)                                              \
    do {                                                                                              \
        const torch::Tensor zsqActual_ = (actual);                                                    \
        const torch::Tensor zsqExpected_ = (expected);                                                \
        QVERIFY2(zsqActual_.sizes() == zsqExpected_.sizes(),                                          \
                 ("shape " + c10::str(zsqActual_.sizes()) + " != " + c10::str(zsqExpected_.sizes()))  \
                     .c_str());                                                                       \
        const double zsqDiff_ = zsq::test::maxAbsDiff(zsqActual_, zsqExpected_);                      \
        QVERIFY2(zsqDiff_ <= (tolerance),                                                             \
                 ("max |diff| " + std::to_string(zsqDiff_) + " > " + std::to_string(tolerance) +      \
                  "\n   actual:   " + zsq::test::show(zsqActual_) +                                  \
                  "\n   expected: " + zsq::test::show(zsqExpected_))                                  \
                     .c_str());                                                                       \
    } while (false)

// Exact equality of two scalars (QCOMPARE compares floating point fuzzily).
#define ZSQ_COMPARE_EXACT(actual, expected)                                                           \
    do {                                                                                              \
        const auto zsqA_ = (actual);                                                                  \
        const auto zsqE_ = (expected);                                                                \
        QVERIFY2(zsqA_ == zsqE_, (std::string(#actual " == " #expected ": ") +                        \
                                  QByteArray::number(double(zsqA_), 'g', 17).toStdString() + " != " + \
                                  QByteArray::number(double(zsqE_), 'g', 17).toStdString())           \
                                     .c_str());                                                       \
    } while (false)

// Asserts that `expr` throws zsq::InputError and stores its message in `msg`
// (a std::string declared by the caller).
#define ZSQ_EXPECT_INPUT_ERROR(expr, msg)                                                             \
    do {                                                                                              \
        std::optional<std::string> zsqErr_ = zsq::test::inputErrorOf([&] { (void)(expr); });          \
        QVERIFY2(zsqErr_.has_value(), "expected zsq::InputError from: " #expr);                       \
        msg = *zsqErr_;                                                                               \
    } while (false)
