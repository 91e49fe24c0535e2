#include "core/augment/augmentfactory.h"

#include "core/augment/brightnessjitter.h"
#include "core/augment/contrastjitter.h"
#include "core/augment/gaussianblur.h"
#include "core/augment/gaussiannoise.h"
#include "core/augment/horizontalflip.h"
#include "core/augment/huejitter.h"
#include "core/augment/normalize.h"
#include "core/augment/randomaffine.h"
#include "core/augment/randomcrop.h"
#include "core/augment/randomerasing.h"
#include "core/augment/randomgrayscale.h"
#include "core/augment/randomresizedcrop.h"
#include "core/augment/randomrotation.h"
#include "core/augment/saturationjitter.h"
#include "core/augment/verticalflip.h"

#include <functional>
#include <utility>

namespace mf {

namespace {

using Maker = std::function<std::unique_ptr<AugmentOperation>()>;

template <typename T> std::pair<std::string, Maker> entry()
{
    return {T().name(), [] { return std::make_unique<T>(); }};
}

const std::vector<std::pair<std::string, Maker>> &registry()
{
    static const std::vector<std::pair<std::string, Maker>> makers = {
        entry<RandomCrop>(),       entry<RandomResizedCrop>(), entry<HorizontalFlip>(),
        entry<VerticalFlip>(),     entry<RandomRotation>(),    entry<RandomAffine>(),
        entry<BrightnessJitter>(), entry<ContrastJitter>(),    entry<SaturationJitter>(),
        entry<HueJitter>(),        entry<RandomGrayscale>(),   entry<GaussianBlur>(),
        entry<GaussianNoise>(),    entry<RandomErasing>(),     entry<Normalize>()};
    return makers;
}

} // namespace

const std::vector<std::string> &augmentOperationNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> result;
        for (const auto &item : registry())
            result.push_back(item.first);
        return result;
    }();
    return names;
}

std::unique_ptr<AugmentOperation> makeAugmentOperation(const std::string &name)
{
    for (const auto &item : registry())
        if (item.first == name)
            return item.second();
    return nullptr;
}

} // namespace mf
