#include "core/deploy/imageinput.h"

#include "core/util/error.h"
#include "core/util/shapetext.h"

#include <stb/stb_image.h>

#include <filesystem>
#include <memory>

namespace mf {

torch::Tensor readImageForModel(const std::string &path,
                                const std::vector<std::int64_t> &sampleShape, bool *resized)
{
    if (sampleShape.size() != 3 || (sampleShape[0] != 1 && sampleShape[0] != 3))
        throw ConfigError("The model takes samples of shape " + shapeText(sampleShape) +
                          ", not images of 1 or 3 channels");
    const int channels = static_cast<int>(sampleShape[0]);
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        throw DataError(path, "", "no such file");
    int width = 0, height = 0, components = 0;
    std::unique_ptr<stbi_uc, void (*)(void *)> pixels(
        stbi_load(path.c_str(), &width, &height, &components, channels), stbi_image_free);
    if (!pixels) {
        const char *reason = stbi_failure_reason();
        throw DataError(path, "",
                        std::string("cannot decode image: ") + (reason ? reason : "unknown"));
    }
    // stb decodes interleaved HWC.
    torch::Tensor image = torch::from_blob(pixels.get(), {height, width, channels}, torch::kUInt8)
                              .permute({2, 0, 1})
                              .unsqueeze(0)
                              .clone();
    const bool differs = height != sampleShape[1] || width != sampleShape[2];
    if (resized)
        *resized = differs;
    if (!differs)
        return image.contiguous();
    namespace F = torch::nn::functional;
    const torch::Tensor scaled =
        F::interpolate(image.to(torch::kFloat32),
                       F::InterpolateFuncOptions()
                           .size(std::vector<std::int64_t>{sampleShape[1], sampleShape[2]})
                           .mode(torch::kBilinear)
                           .align_corners(false));
    return scaled.round().clamp(0, 255).to(torch::kUInt8).contiguous();
}

} // namespace mf
