#include "analysis/quadtree.h"

#include <algorithm>
#include <cmath>

namespace zsq::analysis {

namespace {
// Identical points would split forever; past this depth a cell stays a leaf
// holding several points, which the traversal then handles exactly.
constexpr int kMaxDepth = 48;
} // namespace

QuadTree::QuadTree(const double* y, std::int64_t n) : order_(static_cast<std::size_t>(n))
{
    double lo[2] = {y[0], y[1]}, hi[2] = {y[0], y[1]};
    for (std::int64_t i = 0; i < n; ++i) {
        order_[i] = i;
        for (int d = 0; d < 2; ++d) {
            lo[d] = std::min(lo[d], y[2 * i + d]);
            hi[d] = std::max(hi[d], y[2 * i + d]);
        }
    }
    nodes_.reserve(static_cast<std::size_t>(2 * n + 8));
    Node root;
    root.centre[0] = (lo[0] + hi[0]) / 2;
    root.centre[1] = (lo[1] + hi[1]) / 2;
    // A square cell slightly larger than the bounding box, so points on the
    // border fall strictly inside.
    root.side = std::max(hi[0] - lo[0], hi[1] - lo[1]) * (1 + 1e-9) + 1e-12;
    root.begin = 0;
    root.end = n;
    nodes_.push_back(root);
    build(0, y, 0);
}

void QuadTree::build(std::int32_t id, const double* y, int depth)
{
    Node node = nodes_[id];
    node.count = node.end - node.begin;
    if (node.count > 1 && depth < kMaxDepth) {
        // Partition the range into the four quadrants: first by x, then each
        // half by y. Children are created as one block of four.
        auto first = order_.begin() + node.begin, last = order_.begin() + node.end;
        auto midX = std::partition(first, last, [&](std::int64_t p) { return y[2 * p] < node.centre[0]; });
        auto midY0 = std::partition(first, midX, [&](std::int64_t p) { return y[2 * p + 1] < node.centre[1]; });
        auto midY1 = std::partition(midX, last, [&](std::int64_t p) { return y[2 * p + 1] < node.centre[1]; });
        const std::int64_t bounds[5] = {node.begin, node.begin + (midY0 - first), node.begin + (midX - first),
                                        node.begin + (midY1 - first), node.end};
        node.firstChild = static_cast<std::int32_t>(nodes_.size());
        const double quarter = node.side / 4;
        for (int c = 0; c < 4; ++c) {
            Node child;
            child.centre[0] = node.centre[0] + (c >= 2 ? quarter : -quarter);
            child.centre[1] = node.centre[1] + ((c & 1) ? quarter : -quarter);
            child.side = node.side / 2;
            child.begin = bounds[c];
            child.end = bounds[c + 1];
            nodes_.push_back(child);
        }
        node.mass[0] = node.mass[1] = 0;
        for (int c = 0; c < 4; ++c) {
            const std::int32_t cid = node.firstChild + c;
            if (nodes_[cid].end > nodes_[cid].begin)
                build(cid, y, depth + 1);
            const Node& child = nodes_[cid];
            const std::int64_t cnt = child.end - child.begin;
            if (cnt > 0) {
                node.mass[0] += child.mass[0] * static_cast<double>(cnt);
                node.mass[1] += child.mass[1] * static_cast<double>(cnt);
            }
        }
        node.mass[0] /= static_cast<double>(node.count);
        node.mass[1] /= static_cast<double>(node.count);
    } else {
        node.mass[0] = node.mass[1] = 0;
        for (std::int64_t k = node.begin; k < node.end; ++k) {
            node.mass[0] += y[2 * order_[k]];
            node.mass[1] += y[2 * order_[k] + 1];
        }
        if (node.count > 0) {
            node.mass[0] /= static_cast<double>(node.count);
            node.mass[1] /= static_cast<double>(node.count);
        }
    }
    nodes_[id] = node;
}

double QuadTree::repulsion(std::int64_t i, const double* y, double theta, double force[2]) const
{
    const double yi0 = y[2 * i], yi1 = y[2 * i + 1];
    const double theta2 = theta * theta;
    double sumQ = 0, f0 = 0, f1 = 0;
    std::int32_t stack[4 * kMaxDepth + 8];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const Node& node = nodes_[static_cast<std::size_t>(stack[--top])];
        if (node.count == 0)
            continue;
        const double dx = yi0 - node.mass[0], dy = yi1 - node.mass[1];
        const double d2 = dx * dx + dy * dy;
        if (node.firstChild < 0) {
            // Leaf: its points one by one (usually one point, or duplicates).
            for (std::int64_t k = node.begin; k < node.end; ++k) {
                const std::int64_t j = order_[k];
                if (j == i)
                    continue;
                const double ex = yi0 - y[2 * j], ey = yi1 - y[2 * j + 1];
                const double q = 1.0 / (1.0 + ex * ex + ey * ey);
                sumQ += q;
                f0 += q * q * ex;
                f1 += q * q * ey;
            }
        } else if (node.side * node.side < theta2 * d2) {
            // Far enough: the whole cell as one point at its centre of mass.
            const double q = 1.0 / (1.0 + d2);
            const double m = static_cast<double>(node.count);
            sumQ += m * q;
            f0 += m * q * q * dx;
            f1 += m * q * q * dy;
        } else {
            for (int c = 3; c >= 0; --c)
                stack[top++] = node.firstChild + c;
        }
    }
    force[0] += f0;
    force[1] += f1;
    return sumQ;
}

} // namespace zsq::analysis
