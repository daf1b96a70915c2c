#pragma once
// The communicator of the data-parallel run in progress, for the few places
// deep inside a training step that must see the global batch (BatchNorm
// statistics, activation ranges, ClusterQ's class statistics). Null outside
// a distributed run, so single-process code paths are unchanged.
// Only the training loop installs one (ActiveScope): code that a single rank
// runs alone (evaluation, export, sampling) must never see one.
namespace zsq::distributed {

class Communicator;

// Null unless a run with more than one rank is training.
Communicator* active();

class ActiveScope {
public:
    explicit ActiveScope(Communicator* communicator);
    ~ActiveScope();
    ActiveScope(const ActiveScope&) = delete;
    ActiveScope& operator=(const ActiveScope&) = delete;

private:
    Communicator* previous_;
};

} // namespace zsq::distributed
