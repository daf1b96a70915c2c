#include "analysis/embedding_metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/vp_tree.h"
#include "common/error.h"
#include "common/parallel_for.h"

namespace zsq::analysis {

namespace {

void checkLabels(std::int64_t n, const std::vector<int>& labels, int numClasses)
{
    if (static_cast<std::int64_t>(labels.size()) != n)
        throw InputError("metrics: " + std::to_string(labels.size()) + " labels for " + std::to_string(n) + " points");
    for (int l : labels)
        if (l < 0 || l >= numClasses)
            throw InputError("metrics: label " + std::to_string(l) + " outside 0.." + std::to_string(numClasses - 1));
}

PerClassFigure averagePerClass(const std::vector<double>& value, const std::vector<int>& label, int numClasses)
{
    PerClassFigure f;
    std::vector<double> sum(static_cast<std::size_t>(numClasses), 0);
    std::vector<std::int64_t> count(static_cast<std::size_t>(numClasses), 0);
    double total = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
        sum[label[i]] += value[i];
        ++count[label[i]];
        total += value[i];
    }
    f.perClass.resize(static_cast<std::size_t>(numClasses));
    for (int c = 0; c < numClasses; ++c)
        f.perClass[c] = count[c] ? sum[c] / static_cast<double>(count[c]) : std::numeric_limits<double>::quiet_NaN();
    f.mean = value.empty() ? 0 : total / static_cast<double>(value.size());
    return f;
}

} // namespace

PerClassFigure silhouette(const float* x, std::int64_t n, int dims, const std::vector<int>& labels, int numClasses,
                          std::int64_t maxPoints)
{
    checkLabels(n, labels, numClasses);
    const std::int64_t m = std::min(n, std::max<std::int64_t>(maxPoints, 2));
    std::vector<std::int64_t> pick(static_cast<std::size_t>(m));
    for (std::int64_t i = 0; i < m; ++i)
        pick[i] = i * n / m;
    std::vector<int> lab(static_cast<std::size_t>(m));
    std::vector<std::int64_t> classSize(static_cast<std::size_t>(numClasses), 0);
    for (std::int64_t i = 0; i < m; ++i) {
        lab[i] = labels[pick[i]];
        ++classSize[lab[i]];
    }
    std::vector<double> s(static_cast<std::size_t>(m), 0);
    parallelFor(0, m, 16, [&](std::int64_t b, std::int64_t e) {
        std::vector<double> sum(static_cast<std::size_t>(numClasses));
        for (std::int64_t i = b; i < e; ++i) {
            std::fill(sum.begin(), sum.end(), 0.0);
            const float* xi = x + pick[i] * dims;
            for (std::int64_t j = 0; j < m; ++j) {
                if (j == i)
                    continue;
                const float* xj = x + pick[j] * dims;
                double d2 = 0;
                for (int d = 0; d < dims; ++d) {
                    const double diff = static_cast<double>(xi[d]) - xj[d];
                    d2 += diff * diff;
                }
                sum[lab[j]] += std::sqrt(d2);
            }
            const int own = lab[i];
            if (classSize[own] < 2) {
                s[i] = 0;  // a singleton class: silhouette 0 by convention
                continue;
            }
            const double a = sum[own] / static_cast<double>(classSize[own] - 1);
            double bmin = std::numeric_limits<double>::infinity();
            for (int c = 0; c < numClasses; ++c)
                if (c != own && classSize[c] > 0)
                    bmin = std::min(bmin, sum[c] / static_cast<double>(classSize[c]));
            s[i] = std::isinf(bmin) ? 0 : (bmin - a) / std::max(std::max(a, bmin), 1e-300);
        }
    });
    return averagePerClass(s, lab, numClasses);
}

PerClassFigure intraClassAngle(const float* x, std::int64_t n, int dims, const std::vector<int>& labels,
                               int numClasses)
{
    checkLabels(n, labels, numClasses);
    std::vector<double> centre(static_cast<std::size_t>(numClasses) * dims, 0);
    std::vector<std::int64_t> count(static_cast<std::size_t>(numClasses), 0);
    for (std::int64_t i = 0; i < n; ++i) {
        ++count[labels[i]];
        for (int d = 0; d < dims; ++d)
            centre[labels[i] * dims + d] += x[i * dims + d];
    }
    std::vector<double> angle(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) {
        const double* c = centre.data() + labels[i] * dims;  // direction only: no need to divide
        double dot = 0, nx = 0, nc = 0;
        for (int d = 0; d < dims; ++d) {
            dot += x[i * dims + d] * c[d];
            nx += static_cast<double>(x[i * dims + d]) * x[i * dims + d];
            nc += c[d] * c[d];
        }
        const double cosine = dot / std::max(std::sqrt(nx * nc), 1e-300);
        angle[i] = std::acos(std::clamp(cosine, -1.0, 1.0)) * 180.0 / 3.14159265358979323846;
    }
    return averagePerClass(angle, labels, numClasses);
}

double knnPreservation(const KnnGraph& ga, const KnnGraph& gb)
{
    if (ga.k != gb.k || ga.indices.size() != gb.indices.size() || ga.k < 1)
        throw InputError("metrics: neighbour graphs of different shapes");
    const int k = ga.k;
    const auto n = static_cast<std::int64_t>(ga.indices.size()) / k;
    std::vector<double> kept(static_cast<std::size_t>(n));
    parallelFor(0, n, 512, [&](std::int64_t s, std::int64_t e) {
        std::vector<std::int64_t> x(static_cast<std::size_t>(k)), y(static_cast<std::size_t>(k)), common;
        for (std::int64_t i = s; i < e; ++i) {
            std::copy(ga.indices.begin() + i * k, ga.indices.begin() + (i + 1) * k, x.begin());
            std::copy(gb.indices.begin() + i * k, gb.indices.begin() + (i + 1) * k, y.begin());
            std::sort(x.begin(), x.end());
            std::sort(y.begin(), y.end());
            common.clear();
            std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(common));
            kept[i] = static_cast<double>(common.size()) / k;
        }
    });
    double total = 0;
    for (double v : kept)
        total += v;
    return n ? total / static_cast<double>(n) : 0;
}

double knnPreservation(const float* a, int dimsA, const float* b, int dimsB, std::int64_t n, int k)
{
    return knnPreservation(knnGraph(a, n, dimsA, k), knnGraph(b, n, dimsB, k));
}

double knnClassAgreement(const KnnGraph& g, const std::vector<int>& labels)
{
    const auto n = static_cast<std::int64_t>(labels.size());
    if (g.k < 1 || static_cast<std::int64_t>(g.indices.size()) != n * g.k)
        throw InputError("metrics: label count does not match the neighbour graph");
    double total = 0;
    for (std::int64_t i = 0; i < n; ++i) {
        int same = 0;
        for (int m = 0; m < g.k; ++m)
            same += labels[g.indices[i * g.k + m]] == labels[i];
        total += static_cast<double>(same) / g.k;
    }
    return n ? total / static_cast<double>(n) : 0;
}

double knnClassAgreement(const float* x, std::int64_t n, int dims, const std::vector<int>& labels, int k)
{
    if (static_cast<std::int64_t>(labels.size()) != n)
        throw InputError("metrics: label count does not match the points");
    return knnClassAgreement(knnGraph(x, n, dims, k), labels);
}

} // namespace zsq::analysis
