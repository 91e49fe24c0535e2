#include "core/dist/gradientreducer.h"
#include "tests/core/dist/localjob.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <torch/torch.h>

namespace {

/// Linear(4, 8), ReLU, Linear(8, 3) with the weights of `source` (not the global generator:
/// the ranks build theirs on their own threads).
torch::nn::Sequential copyOf(const torch::nn::Sequential &source)
{
    torch::nn::Sequential model(torch::nn::Linear(4, 8), torch::nn::ReLU(),
                                torch::nn::Linear(8, 3));
    torch::NoGradGuard noGrad;
    const auto from = source->parameters();
    auto to = model->parameters();
    for (std::size_t i = 0; i < from.size(); ++i)
        to[i].copy_(from[i]);
    return model;
}

torch::Tensor lossOf(torch::nn::Sequential &model, const torch::Tensor &inputs,
                     const torch::Tensor &labels)
{
    return torch::nn::functional::cross_entropy(model->forward(inputs), labels);
}

} // namespace

class TestGradientReducer : public QObject
{
    Q_OBJECT

private:
    torch::nn::Sequential m_reference{nullptr};
    torch::Tensor m_inputs[2];
    torch::Tensor m_labels[2];

    /// The gradients of one process training on both ranks' batches together.
    std::vector<torch::Tensor> unionGradients(bool freezeFirst)
    {
        torch::nn::Sequential model = copyOf(m_reference);
        model->parameters()[0].set_requires_grad(!freezeFirst);
        lossOf(model, torch::cat({m_inputs[0], m_inputs[1]}),
               torch::cat({m_labels[0], m_labels[1]}))
            .backward();
        std::vector<torch::Tensor> gradients;
        for (const torch::Tensor &parameter : model->parameters())
            gradients.push_back(parameter.grad());
        return gradients;
    }

    /// Each rank's gradients after a reduced backward pass on its own batch.
    std::vector<std::vector<torch::Tensor>> reducedGradients(mf::GradientBucketing bucketing,
                                                             bool freezeFirst, int steps = 1)
    {
        std::vector<std::vector<torch::Tensor>> out(2);
        std::vector<std::vector<std::size_t>> buckets;
        std::vector<torch::nn::Sequential> models{copyOf(m_reference), copyOf(m_reference)};
        mf::testjob::runLocalJob(2, [&](int rank, std::shared_ptr<mf::Collectives> collectives) {
            torch::nn::Sequential &model = models[static_cast<std::size_t>(rank)];
            model->parameters()[0].set_requires_grad(!freezeFirst);
            mf::GradientReducer reducer(collectives, model->parameters(), bucketing);
            if (rank == 0)
                buckets = reducer.buckets();
            for (int step = 0; step < steps; ++step) {
                for (torch::Tensor &parameter : model->parameters())
                    parameter.mutable_grad().reset();
                reducer.prepare();
                lossOf(model, m_inputs[rank], m_labels[rank]).backward();
                reducer.finish();
            }
            for (const torch::Tensor &parameter : model->parameters())
                out[static_cast<std::size_t>(rank)].push_back(parameter.grad());
        });
        m_buckets = buckets;
        return out;
    }

    std::vector<std::vector<std::size_t>> m_buckets;

private Q_SLOTS:
    void initTestCase()
    {
        torch::manual_seed(3);
        m_reference = torch::nn::Sequential(torch::nn::Linear(4, 8), torch::nn::ReLU(),
                                            torch::nn::Linear(8, 3));
        for (int rank = 0; rank < 2; ++rank) {
            m_inputs[rank] = torch::randn({5, 4});
            m_labels[rank] = torch::randint(0, 3, {5}, torch::kInt64);
        }
    }

    void gradientsAreTheMeanOfTheRanks_data()
    {
        QTest::addColumn<qint64>("bucketBytes");
        QTest::addColumn<int>("expectedBuckets");
        QTest::newRow("one bucket") << qint64(25 << 20) << 1;
        QTest::newRow("a bucket per parameter") << qint64(1) << 4;
    }

    void gradientsAreTheMeanOfTheRanks()
    {
        // The mean of two batch means of equal size is the mean over the union: the gradient of
        // one process on both batches.
        QFETCH(qint64, bucketBytes);
        QFETCH(int, expectedBuckets);
        const std::vector<torch::Tensor> expected = unionGradients(false);
        const auto reduced = reducedGradients({bucketBytes, bucketBytes}, false, 2);
        QCOMPARE(int(m_buckets.size()), expectedBuckets);
        // Buckets hold the parameters in reverse: the last layer's gradients come first.
        QCOMPARE(m_buckets.front().front(), std::size_t(3));
        QCOMPARE(m_buckets.back().back(), std::size_t(0));
        for (int rank = 0; rank < 2; ++rank)
            for (std::size_t i = 0; i < expected.size(); ++i)
                QVERIFY2(torch::allclose(reduced[rank][i], expected[i], 1e-6, 1e-6),
                         qPrintable(QStringLiteral("rank %1 parameter %2").arg(rank).arg(i)));
        for (std::size_t i = 0; i < expected.size(); ++i)
            QVERIFY(torch::equal(reduced[0][i], reduced[1][i]));
    }

    void sharedValuesComeBackAsTheRanksMean()
    {
        std::vector<std::vector<double>> shared(2);
        std::vector<torch::nn::Sequential> models{copyOf(m_reference), copyOf(m_reference)};
        mf::testjob::runLocalJob(2, [&](int rank, std::shared_ptr<mf::Collectives> collectives) {
            torch::nn::Sequential &model = models[static_cast<std::size_t>(rank)];
            mf::GradientReducer reducer(collectives, model->parameters(), {1, 1});
            reducer.prepare({rank == 0 ? 1.5 : 2.5, rank == 1 ? 1.0 : 0.0});
            lossOf(model, m_inputs[rank], m_labels[rank]).backward();
            shared[static_cast<std::size_t>(rank)] = reducer.finish();
        });
        for (const std::vector<double> &values : shared)
            QCOMPARE(values, (std::vector<double>{2.0, 0.5}));
    }

    void aFrozenParameterKeepsNoGradient()
    {
        const std::vector<torch::Tensor> expected = unionGradients(true);
        const auto reduced = reducedGradients({1, 1}, true);
        for (int rank = 0; rank < 2; ++rank) {
            QVERIFY(!reduced[rank][0].defined());
            for (std::size_t i = 1; i < expected.size(); ++i)
                QVERIFY(torch::allclose(reduced[rank][i], expected[i], 1e-6, 1e-6));
        }
    }
};

MF_TEST_GUILESS_MAIN(TestGradientReducer)
#include "tst_gradientreducer.moc"
