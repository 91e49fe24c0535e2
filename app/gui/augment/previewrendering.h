#pragma once

#include "app/gui/augment/previewtypes.h"

namespace mf {

/// Draws every tile of `request` on the calling thread, through augmentedSamples() (the
/// function training batches go through), one batch per variant. Never throws: a pipeline that
/// does not suit the images or a sample index outside the dataset is reported in `error`.
PreviewResult renderPreview(const PreviewRequest &request);

} // namespace mf
