#pragma once

namespace mf {

/// What the Train form's dataset holds, as far as model types and presets care.
enum class DataKind
{
    Unknown,        ///< no dataset, or one not (yet) checked
    ImagesOrTables, ///< any layout the image and table models read
    Text,           ///< core/text/textdataset.h: isTextDatasetPath
};

} // namespace mf
