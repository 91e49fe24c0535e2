#pragma once

#include <QImage>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace mf {

/// A wrong prediction with its image (null for table datasets).
struct EvaluatedMistake
{
    qint64 index = 0; ///< position in the evaluated part of the dataset
    int trueLabel = 0;
    int predicted = 0;
    double confidence = 0.0;
    QImage image;
    QString text; ///< text runs: the document as the model read it (its tokens)
};

/// The evaluation of a run's checkpoint as the GUI shows it; plain values, safe to pass between
/// threads.
struct RunEvaluation
{
    enum class Split
    {
        Test,
        Validation
    };

    qint64 runId = 0;
    Split split = Split::Test;
    QString datasetPath;
    QString checkpointPath;
    int checkpointEpoch = 0;
    bool fromCache = false; ///< read from the run's eval-*.json instead of evaluated again
    QString cacheProblem;   ///< why the result could not be cached; empty when it was
    double loss = 0.0;
    double accuracy = 0.0;
    qint64 samples = 0;
    QStringList classNames;
    QVector<QVector<qint64>> confusion; ///< [true][predicted]
    QVector<double> precision;
    QVector<double> recall;
    QVector<double> f1;
    QVector<EvaluatedMistake> mistakes; ///< most confident first
    bool imagesAvailable = false;       ///< false for table datasets
    /// A pre-training run's evaluation ("masked_tokens", "next_token"): loss and accuracy are
    /// per predicted token and there are no classes. Empty for a classifier.
    QString tokenObjective;

    /// The number of samples of each true class (row sums of the confusion matrix).
    QVector<qint64> support() const
    {
        QVector<qint64> counts;
        counts.reserve(confusion.size());
        for (const QVector<qint64> &row : confusion) {
            qint64 sum = 0;
            for (qint64 count : row)
                sum += count;
            counts.append(sum);
        }
        return counts;
    }
};

/// Why a run could not be evaluated.
enum class EvaluationProblem
{
    NoCheckpoint,   ///< no checkpoint file left
    DatasetMissing, ///< nothing at the dataset path stored with the run
    Failed          ///< anything else; the message says what
};

} // namespace mf

Q_DECLARE_METATYPE(mf::RunEvaluation)
Q_DECLARE_METATYPE(mf::EvaluationProblem)
