#pragma once
// The 2-D space-partitioning tree of Barnes-Hut t-SNE (van der Maaten 2014,
// section 4.2): every cell stores the centre of mass and count of the
// embedding points inside it, so a far-away cell's repulsion on a point is
// approximated by one interaction with its centre of mass.
#include <cstdint>
#include <vector>

namespace zsq::analysis {

class QuadTree {
public:
    // `y` is row-major [n, 2]; it is read during construction only.
    QuadTree(const double* y, std::int64_t n);

    // Repulsive term of point i, summed over all j != i:
    //   force += sum q_ij^2 (y_i - y_j),  returns sum q_ij (unnormalised,
    //   q_ij = 1 / (1 + |y_i - y_j|^2)).
    // Cells whose side / distance < theta are summarised (theta = 0 visits
    // every point, i.e. exact).
    double repulsion(std::int64_t i, const double* y, double theta, double force[2]) const;

    std::int64_t nodeCount() const { return static_cast<std::int64_t>(nodes_.size()); }

private:
    // 40 bytes, what the traversal touches: cache-friendly for the ~N log N
    // visits per iteration. Cell centres are only needed while building.
    struct Node {
        double mass[2];                 // centre of mass of its points
        double side2 = 0;               // squared side length of the square cell
        std::int32_t count = 0;
        std::int32_t firstChild = -1;   // four consecutive children, -1 = leaf
        std::int32_t begin = 0, end = 0;  // its points, as a range of order_
    };
    void build(std::int32_t node, const double* y, double cx, double cy, double side, int depth);
    std::vector<Node> nodes_;
    std::vector<std::int32_t> order_;
};

} // namespace zsq::analysis
