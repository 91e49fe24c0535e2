#include "app/gui/augment/operationcatalog.h"

#include "core/augment/augmentfactory.h"

namespace mf {

namespace {

using Kind = OperationParameter::Kind;

OperationParameter parameter(const char *key, const QString &label, const QString &toolTip,
                             Kind kind, double minimum, double maximum, double step, int decimals)
{
    OperationParameter p;
    p.key = QString::fromLatin1(key);
    p.label = label;
    p.toolTip = toolTip;
    p.kind = kind;
    p.minimum = minimum;
    p.maximum = maximum;
    p.step = step;
    p.decimals = decimals;
    if (kind == Kind::Interval)
        p.itemNames = {OperationCatalog::tr("from"), OperationCatalog::tr("to")};
    return p;
}

} // namespace

QStringList OperationCatalog::names()
{
    QStringList result;
    for (const std::string &name : augmentOperationNames())
        result.append(QString::fromStdString(name));
    return result;
}

QString OperationCatalog::title(const QString &op)
{
    if (op == QLatin1String("random_crop"))
        return tr("Random crop");
    if (op == QLatin1String("random_resized_crop"))
        return tr("Random resized crop");
    if (op == QLatin1String("horizontal_flip"))
        return tr("Horizontal flip");
    if (op == QLatin1String("vertical_flip"))
        return tr("Vertical flip");
    if (op == QLatin1String("rotation"))
        return tr("Rotation");
    if (op == QLatin1String("affine"))
        return tr("Affine");
    if (op == QLatin1String("brightness"))
        return tr("Brightness");
    if (op == QLatin1String("contrast"))
        return tr("Contrast");
    if (op == QLatin1String("saturation"))
        return tr("Saturation");
    if (op == QLatin1String("hue"))
        return tr("Hue");
    if (op == QLatin1String("grayscale"))
        return tr("Grayscale");
    if (op == QLatin1String("gaussian_blur"))
        return tr("Gaussian blur");
    if (op == QLatin1String("gaussian_noise"))
        return tr("Gaussian noise");
    if (op == QLatin1String("random_erasing"))
        return tr("Random erasing");
    if (op == QLatin1String("normalize"))
        return tr("Normalize");
    return op;
}

QString OperationCatalog::description(const QString &op)
{
    if (op == QLatin1String("random_crop"))
        return tr("Pads each side and crops back to the original size at a random offset.");
    if (op == QLatin1String("random_resized_crop"))
        return tr("Crops a random area and aspect ratio and resizes it to the original size.");
    if (op == QLatin1String("horizontal_flip"))
        return tr("Mirrors the image left to right.");
    if (op == QLatin1String("vertical_flip"))
        return tr("Mirrors the image top to bottom.");
    if (op == QLatin1String("rotation"))
        return tr("Rotates about the centre by a random angle (counter-clockwise for positive "
                  "angles).");
    if (op == QLatin1String("affine"))
        return tr("Rotates, shifts, scales and shears about the centre.");
    if (op == QLatin1String("brightness"))
        return tr("Multiplies the pixels by a random factor.");
    if (op == QLatin1String("contrast"))
        return tr("Blends with the mean grey level by a random factor.");
    if (op == QLatin1String("saturation"))
        return tr("Blends with the grey image by a random factor; grey images stay as they are.");
    if (op == QLatin1String("hue"))
        return tr("Shifts the hue by a random fraction of the colour circle; grey images stay as "
                  "they are.");
    if (op == QLatin1String("grayscale"))
        return tr("Replaces colour images by their luma, keeping three channels.");
    if (op == QLatin1String("gaussian_blur"))
        return tr("Blurs with a Gaussian kernel of a random standard deviation.");
    if (op == QLatin1String("gaussian_noise"))
        return tr("Adds Gaussian noise to every pixel.");
    if (op == QLatin1String("random_erasing"))
        return tr("Blanks a random box (cutout).");
    if (op == QLatin1String("normalize"))
        return tr("Subtracts the mean and divides by the standard deviation per channel, for every "
                  "sample. The trainer then adds no normalisation of its own and normalises "
                  "validation data with these values.");
    return QString();
}

bool OperationCatalog::ignoresProbability(const QString &op)
{
    return op == QLatin1String("normalize");
}

QVector<OperationParameter> OperationCatalog::parameters(const QString &op)
{
    if (op == QLatin1String("random_crop")) {
        OperationParameter mode =
            parameter("padding_mode", tr("Padding"), tr("What fills the padded border"),
                      Kind::Choice, 0, 0, 0, 0);
        mode.choices = {QStringLiteral("zeros"), QStringLiteral("reflect")};
        return {parameter("padding", tr("Padding (px)"), tr("Pixels added on each side"),
                          Kind::Integer, 0, 64, 1, 0),
                mode};
    }
    if (op == QLatin1String("random_resized_crop") || op == QLatin1String("random_erasing")) {
        const bool crop = op == QLatin1String("random_resized_crop");
        return {parameter("scale", tr("Area"),
                          crop ? tr("Area of the crop as a fraction of the image")
                               : tr("Area of the erased box as a fraction of the image"),
                          Kind::Interval, crop ? 0.01 : 0.0, 1.0, 0.01, 2),
                parameter("ratio", tr("Aspect ratio"),
                          crop ? tr("Width / height of the crop, drawn log-uniformly")
                               : tr("Height / width of the box, drawn log-uniformly"),
                          Kind::Interval, 0.1, 10.0, 0.05, 2)};
    }
    if (op == QLatin1String("rotation"))
        return {parameter("degrees", tr("Angle (°)"), tr("Range of the rotation angle"),
                          Kind::Interval, -180, 180, 1, 1),
                parameter("fill", tr("Fill"), tr("Value of uncovered pixels, 0 to 1"), Kind::Number,
                          0, 1, 0.05, 2)};
    if (op == QLatin1String("affine")) {
        OperationParameter translate =
            parameter("translate", tr("Shift"),
                      tr("Largest shift as a fraction of the width (x) and height (y)"), Kind::Pair,
                      0, 1, 0.01, 2);
        translate.itemNames = {tr("x"), tr("y")};
        return {parameter("degrees", tr("Angle (°)"), tr("Range of the rotation angle"),
                          Kind::Interval, -180, 180, 1, 1),
                translate,
                parameter("scale", tr("Scale"), tr("Range of the zoom factor"), Kind::Interval, 0.1,
                          4, 0.05, 2),
                parameter("shear", tr("Shear (°)"), tr("Range of the shear along x"),
                          Kind::Interval, -60, 60, 1, 1),
                parameter("fill", tr("Fill"), tr("Value of uncovered pixels, 0 to 1"), Kind::Number,
                          0, 1, 0.05, 2)};
    }
    if (op == QLatin1String("brightness") || op == QLatin1String("contrast") ||
        op == QLatin1String("saturation"))
        return {parameter("factor", tr("Factor"), tr("Range of the factor; 1 keeps the image"),
                          Kind::Interval, 0, 5, 0.05, 2)};
    if (op == QLatin1String("hue"))
        return {parameter("factor", tr("Shift"),
                          tr("Range of the hue shift as a fraction of the colour circle"),
                          Kind::Interval, -0.5, 0.5, 0.01, 2)};
    if (op == QLatin1String("gaussian_blur"))
        return {parameter("kernel_size", tr("Kernel (px)"), tr("Kernel width, odd"),
                          Kind::OddInteger, 1, 31, 2, 0),
                parameter("sigma", tr("Sigma"), tr("Range of the standard deviation in pixels"),
                          Kind::Interval, 0.01, 10, 0.1, 2)};
    if (op == QLatin1String("gaussian_noise"))
        return {parameter("std", tr("Standard deviation"),
                          tr("Of the noise, on the 0 to 1 pixel scale"), Kind::Number, 0, 1, 0.01,
                          3)};
    if (op == QLatin1String("normalize"))
        return {
            parameter("mean", tr("Mean"), tr("One value, or one per channel, separated by commas"),
                      Kind::NumberList, -10, 10, 0, 4),
            parameter("std", tr("Std"), tr("One value, or one per channel, separated by commas"),
                      Kind::NumberList, 0.0001, 1000, 0, 4)};
    return {};
}

} // namespace mf
