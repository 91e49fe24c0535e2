#include "core/compress/inferencelayout.h"
#include "core/kernels/kernelplan.h"
#include "core/models/modelfactory.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

class TestInferenceLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eitherLayoutGivesTheSameOutputs_data()
    {
        QTest::addColumn<int>("channels");
        QTest::newRow("one channel (both layouts contiguous)") << 1;
        QTest::newRow("three channels") << 3;
    }

    void eitherLayoutGivesTheSameOutputs()
    {
        QFETCH(int, channels);
        const std::vector<std::int64_t> shape{channels, 12, 12};
        torch::nn::Sequential model =
            mf::buildModel({{"type", "cnn"}, {"conv", {8, 16}}, {"fc", {32}}}, shape, 5, 3);
        model->eval();
        const mf::InferenceLayout layout = mf::InferenceLayout::choose(model, shape);
        // Both layouts were timed, the chosen (fastest) one named first.
        const std::string prefix = "inference layout at batch 64: ";
        const std::string &note = layout.note();
        QVERIFY2(note.rfind(prefix + mf::layoutName(layout.layout()) + " ", 0) == 0, note.c_str());
        QVERIFY(note.find("nchw ") != std::string::npos && note.find("nhwc ") != std::string::npos);
        // Each layer with a choice of kernels runs the one the note names.
        int chosenKernels = 0;
        for (const mf::PlannableLayer &layer : mf::plannableLayers(model, torch::kCPU)) {
            if (layer.kernels.size() < 2)
                continue;
            const std::string named = layer.name + " " + mf::layerKernel(model, layer.index);
            QVERIFY2(note.find(named) != std::string::npos, (named + " in " + note).c_str());
            ++chosenKernels;
        }
        QVERIFY(chosenKernels >= 2);
        // The convolution weights are in the chosen layout too (conv2's: 16 x 8 x 3 x 3).
        const torch::Tensor weight = model->named_parameters()["conv2.weight"];
        QCOMPARE(weight.is_contiguous(torch::MemoryFormat::ChannelsLast), layout.channelsLast());
        QCOMPARE(weight.is_contiguous(), !layout.channelsLast());
        const torch::Tensor x = torch::rand({6, channels, 12, 12});
        torch::Tensor expected;
        {
            torch::NoGradGuard noGrad;
            expected = model->forward(x);
        }
        const torch::Tensor chosen = layout.forward()(x);
        QVERIFY(!chosen.requires_grad());
        QVERIFY(torch::allclose(chosen, expected, 1e-5, 1e-5));
    }

    void nonImageModelsKeepThePlainForwardUntimed()
    {
        torch::nn::Sequential model = mf::buildModel({{"type", "mlp"}, {"hidden", {8}}}, {7}, 3, 1);
        const mf::InferenceLayout layout = mf::InferenceLayout::choose(model, {7});
        QVERIFY(!layout.channelsLast());
        QVERIFY(layout.note().empty());
        const torch::Tensor x = torch::rand({4, 7});
        torch::NoGradGuard noGrad;
        QVERIFY(torch::equal(layout.forward()(x), model->forward(x)));
    }
};

MF_TEST_GUILESS_MAIN(TestInferenceLayout)
#include "tst_inferencelayout.moc"
