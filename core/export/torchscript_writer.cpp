#include "export/torchscript_writer.h"

#include <sstream>

#include <torch/csrc/jit/api/module.h>

namespace zsq::exporting {

std::string torchScriptArchive(const TracedStudent& student, const std::string& preprocessingJson)
{
    // A module whose forward(self, x) is the traced graph: the graph gains the
    // `self` input every method has; its weights stay graph constants, which
    // torch.jit.save writes into the archive's constants table.
    torch::jit::Module module("__torch__.ZsqQuantizedStudent");
    std::shared_ptr<torch::jit::Graph> graph = student.graph->copy();
    graph->insertInput(0, "self")->setType(module._ivalue()->type());
    torch::jit::Function* forward = module._ivalue()->compilation_unit()->create_function(
        c10::QualifiedName(*module.type()->name(), "forward"), graph);
    module.type()->addMethod(forward);
    std::ostringstream out;
    module.save(out, {{"preprocessing.json", preprocessingJson}});
    return out.str();
}

} // namespace zsq::exporting
