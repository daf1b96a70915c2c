// Precompiled header of zsq_core: the heavy, stable headers every TU needs.
#pragma once
#include <torch/torch.h>
#include <nlohmann/json.hpp>
#ifdef ZSQ_HAVE_SPDLOG
#include <spdlog/spdlog.h>
#endif
#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>
