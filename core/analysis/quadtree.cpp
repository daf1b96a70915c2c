#include "analysis/quadtree.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/error.h"

namespace zsq::analysis {

namespace {
// Identical points would split forever; past this depth a cell stays a leaf
// holding several points, which the traversal then handles exactly.
constexpr int kMaxDepth = 48;
} // namespace

QuadTree::QuadTree(const double* y, std::int64_t n) : order_(static_cast<std::size_t>(n))
{
    if (n > std::numeric_limits<std::int32_t>::max() / 4)
        throw InputError("t-SNE: too many points for the quadtree");
    double lo[2] = {y[0], y[1]}, hi[2] = {y[0], y[1]};
    for (std::int64_t i = 0; i < n; ++i) {
        order_[i] = static_cast<std::int32_t>(i);
        for (int d = 0; d < 2; ++d) {
            lo[d] = std::min(lo[d], y[2 * i + d]);
            hi[d] = std::max(hi[d], y[2 * i + d]);
        }
    }
    nodes_.reserve(static_cast<std::size_t>(2 * n + 8));
    Node root;
    root.begin = 0;
    root.end = static_cast<std::int32_t>(n);
    nodes_.push_back(root);
    // A square cell slightly larger than the bounding box, so points on the
    // border fall strictly inside.
    const double side = std::max(hi[0] - lo[0], hi[1] - lo[1]) * (1 + 1e-9) + 1e-12;
    build(0, y, (lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, side, 0);
}

void QuadTree::build(std::int32_t id, const double* y, double cx, double cy, double side, int depth)
{
    Node node = nodes_[id];
    node.count = node.end - node.begin;
    node.side2 = side * side;
    node.mass[0] = node.mass[1] = 0;
    if (node.count > 1 && depth < kMaxDepth) {
        // Partition the range into the four quadrants: first by x, then each
        // half by y. Children are created as one block of four.
        auto first = order_.begin() + node.begin, last = order_.begin() + node.end;
        auto midX = std::partition(first, last, [&](std::int32_t p) { return y[2 * p] < cx; });
        auto midY0 = std::partition(first, midX, [&](std::int32_t p) { return y[2 * p + 1] < cy; });
        auto midY1 = std::partition(midX, last, [&](std::int32_t p) { return y[2 * p + 1] < cy; });
        const std::int32_t bounds[5] = {node.begin, node.begin + static_cast<std::int32_t>(midY0 - first),
                                        node.begin + static_cast<std::int32_t>(midX - first),
                                        node.begin + static_cast<std::int32_t>(midY1 - first), node.end};
        node.firstChild = static_cast<std::int32_t>(nodes_.size());
        for (int c = 0; c < 4; ++c) {
            Node child;
            child.begin = bounds[c];
            child.end = bounds[c + 1];
            nodes_.push_back(child);
        }
        const double quarter = side / 4;
        for (int c = 0; c < 4; ++c) {
            const std::int32_t cid = node.firstChild + c;
            if (nodes_[cid].end == nodes_[cid].begin)
                continue;
            build(cid, y, cx + (c >= 2 ? quarter : -quarter), cy + ((c & 1) ? quarter : -quarter), side / 2,
                  depth + 1);
            const Node& child = nodes_[cid];
            node.mass[0] += child.mass[0] * child.count;
            node.mass[1] += child.mass[1] * child.count;
        }
    } else {
        for (std::int32_t k = node.begin; k < node.end; ++k) {
            node.mass[0] += y[2 * order_[k]];
            node.mass[1] += y[2 * order_[k] + 1];
        }
    }
    if (node.count > 0) {
        node.mass[0] /= node.count;
        node.mass[1] /= node.count;
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
        const double dx = yi0 - node.mass[0], dy = yi1 - node.mass[1];
        const double d2 = dx * dx + dy * dy;
        if (node.firstChild < 0) {
            // Leaf: its points one by one (usually one point, or duplicates).
            for (std::int32_t k = node.begin; k < node.end; ++k) {
                const std::int32_t j = order_[k];
                if (j == i)
                    continue;
                const double ex = yi0 - y[2 * j], ey = yi1 - y[2 * j + 1];
                const double q = 1.0 / (1.0 + ex * ex + ey * ey);
                sumQ += q;
                f0 += q * q * ex;
                f1 += q * q * ey;
            }
        } else if (node.side2 < theta2 * d2) {
            // Far enough: the whole cell as one point at its centre of mass.
            const double q = 1.0 / (1.0 + d2);
            const double m = node.count;
            sumQ += m * q;
            f0 += m * q * q * dx;
            f1 += m * q * q * dy;
        } else {
            for (int c = 3; c >= 0; --c)
                if (nodes_[static_cast<std::size_t>(node.firstChild + c)].count > 0)
                    stack[top++] = node.firstChild + c;
        }
    }
    force[0] += f0;
    force[1] += f1;
    return sumQ;
}

} // namespace zsq::analysis
