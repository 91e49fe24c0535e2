#include "core/kernels/kernelplanner.h"
#include "core/kernels/layerprobe.h"
#include "core/models/modelfactory.h"
#include "core/train/optimizerfactory.h"
#include "core/train/plannedadam.h"
#include "core/train/trainer.h"
#include "tests/core/train/trainingfixtures.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Context.h>

using namespace mf;
using namespace mf::trainingfixtures;

namespace {

const std::vector<std::int64_t> kShape{1, 8, 8};
constexpr std::int64_t kClasses = 4;

nlohmann::json cnnSpec()
{
    return {{"type", "cnn"}, {"conv", {4, 8}}, {"fc", {16}}};
}

OptimizerConfig adamConfig()
{
    OptimizerConfig config;
    config.name = "adam";
    config.learningRate = 1e-2;
    return config;
}

TrainConfig cnnConfig()
{
    TrainConfig config = smallConfig();
    config.model = cnnSpec();
    config.epochs = 2;
    config.batchSize = 16;
    return config;
}

/// A choice forced by injected timings: `op` takes `candidate` (1 ms, the rest 2 ms); every
/// other op measures its reference ("nchw", "aten") fastest.
struct Forced
{
    std::string op;
    std::string candidate;
};

std::function<double(const std::string &, const std::string &)> forcing(std::vector<Forced> forced)
{
    return [forced](const std::string &op, const std::string &candidate) {
        for (const Forced &f : forced)
            if (f.op == op)
                return candidate == f.candidate ? 1.0 : 2.0;
        return candidate == "nchw" || candidate == "aten" ? 1.0 : 2.0;
    };
}

std::vector<std::string> layerNames(const std::vector<PlannableLayer> &layers)
{
    std::vector<std::string> names;
    for (const PlannableLayer &layer : layers)
        names.push_back(layer.name);
    return names;
}

KernelPlan plan(torch::nn::Sequential &model, const KernelPlannerOptions &options,
                torch::optim::Optimizer *optimizer = nullptr)
{
    OptimizerUnderPlan underPlan;
    underPlan.optimizer = optimizer;
    underPlan.makeCopy = [](std::vector<torch::Tensor> parameters) {
        return makeOptimizer(adamConfig(), std::move(parameters));
    };
    underPlan.workload = "adam";
    // From a generator of its own: the process's generator is watched below.
    at::Generator generator = at::detail::createCPUGenerator(5);
    const torch::Tensor inputs = torch::rand({16, 1, 8, 8}, generator);
    const torch::Tensor labels = torch::randint(kClasses, {16}, generator, torch::kInt64);
    return planKernels(
        model, [] { return buildModel(cnnSpec(), kShape, kClasses, 1); }, cnnSpec().dump(), inputs,
        [&](const torch::Tensor &logits) { return torch::cross_entropy_loss(logits, labels); },
        torch::kCPU, options, underPlan);
}

torch::Tensor
trainedWith(const std::function<double(const std::string &, const std::string &)> &timer,
            KernelChoice *choice = nullptr)
{
    TrainerOptions options;
    options.kernels.timer = timer;
    Trainer trainer(cnnConfig(), imageDataset(128, 4, 1), imageDataset(32, 4, 2), options);
    const TrainResult result = trainer.run();
    if (choice != nullptr)
        *choice = result.kernels;
    return flatParameters(*trainer.model());
}

class KernelProbe : public TrainerObserver
{
public:
    int chosen = 0;
    int stepsBeforeChoice = 0;
    std::int64_t steps = 0;
    void onKernelsChosen(const KernelChoice &) override
    {
        ++chosen;
        stepsBeforeChoice = static_cast<int>(steps);
    }
    void onStep(const StepMetrics &step) override { steps = step.step; }
};

} // namespace

class TestKernelPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::manual_seed(3); }

    void modelsRunTheReferenceUntilMeasured()
    {
        torch::nn::Sequential model = buildModel(cnnSpec(), kShape, kClasses, 1);
        const auto layers = plannableLayers(model, torch::kCPU);
        QCOMPARE(layerNames(layers),
                 (std::vector<std::string>{"conv1", "pool1", "conv2", "pool2"}));
        for (const PlannableLayer &layer : layers) {
            QCOMPARE(layerKernel(model, layer.index), std::string("aten"));
            QCOMPARE(layer.kernels.front(), std::string("aten"));
        }
        QCOMPARE(layers[0].kernels, (std::vector<std::string>{"aten", "im2col_gemm"}));
        const std::vector<std::string> poolKernels =
            at::hasMKLDNN() ? std::vector<std::string>{"aten", "pool_first", "onednn", "fused"}
                            : std::vector<std::string>{"aten", "pool_first", "fused"};
        QCOMPARE(layers[1].kernels, poolKernels);
        for (const torch::Tensor &parameter : model->parameters())
            QVERIFY(parameter.is_contiguous());
        QCOMPARE(layoutCandidates(*model).size(), std::size_t(2));
        // A model without convolutions has one way to run: nothing to measure.
        QCOMPARE(layoutCandidates(*buildModel({{"type", "mlp"}}, kShape, kClasses, 1)).size(),
                 std::size_t(1));
    }

    /// No kernel choice is hard-coded: each alternative of each op is taken exactly when the
    /// measurement says it is the fastest, and the reference otherwise.
    void everyAlternativeIsChosenByMeasurementOnly()
    {
        torch::nn::Sequential reference = buildModel(cnnSpec(), kShape, kClasses, 1);
        std::vector<Forced> cases{
            {"layout", "nhwc"}, {"layout", "nchw"}, {"optimizer", "aten"}, {"optimizer", "fused"}};
        for (const PlannableLayer &layer : plannableLayers(reference, torch::kCPU))
            for (const std::string &kernel : layer.kernels)
                cases.push_back({layer.name, kernel});
        QVERIFY(cases.size() >= 8);
        for (const Forced &forced : cases) {
            const QByteArray what = QByteArray::fromStdString(forced.op + " " + forced.candidate);
            torch::nn::Sequential model = buildModel(cnnSpec(), kShape, kClasses, 1);
            const auto optimizer = makeOptimizer(adamConfig(), model->parameters());
            KernelPlannerOptions options;
            options.timer = forcing({forced});
            const KernelPlan chosen = plan(model, options, optimizer.get());
            const bool nhwc = forced.op == "layout" && forced.candidate == "nhwc";
            QVERIFY2(chosen.layout == (nhwc ? TensorLayout::Nhwc : TensorLayout::Nchw),
                     what.constData());
            QVERIFY2(model->named_parameters()["conv2.weight"].is_contiguous(
                         nhwc ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous),
                     what.constData());
            for (const PlannableLayer &layer : plannableLayers(model, torch::kCPU)) {
                const std::string expected =
                    layer.name == forced.op ? forced.candidate : std::string("aten");
                QVERIFY2(layerKernel(model, layer.index) == expected,
                         (what + " at " + QByteArray::fromStdString(layer.name)).constData());
            }
            const std::string step = forced.op == "optimizer" ? forced.candidate : "aten";
            QVERIFY2(optimizerKernel(*optimizer) == step, what.constData());
            // Every decision is reported with what it measured: layout, four layers, the step.
            QCOMPARE(chosen.choice.ops.size(), std::size_t(1 + 4 + 1));
            for (const KernelOpChoice &op : chosen.choice.ops)
                QVERIFY2(op.decision.timings.size() >= 2, op.op.c_str());
        }
    }

    /// Every kernel choice trains the same model from the same seed. Pooling kernels pick the
    /// same maxima and route the same gradients (ReLU, the default activation, commutes with
    /// the maximum exactly): bitwise equal, in either layout. Another layout or convolution
    /// kernel sums in another order, so the weights after 16 Adam steps may differ in the last
    /// bits: at most 1e-4 apart (the weights are of order 0.1-1).
    void everyKernelChoiceTrainsTheSameModel()
    {
        const torch::Tensor reference = trainedWith(forcing({}));
        const torch::Tensor nhwc = trainedWith(forcing({{"layout", "nhwc"}}));
        for (const char *kernel : {"pool_first", "onednn", "fused"}) {
            if (QByteArray(kernel) == "onednn" && !at::hasMKLDNN())
                continue;
            QVERIFY2(torch::equal(trainedWith(forcing({{"pool1", kernel}, {"pool2", kernel}})),
                                  reference),
                     kernel);
            QVERIFY2(torch::equal(trainedWith(forcing(
                                      {{"layout", "nhwc"}, {"pool1", kernel}, {"pool2", kernel}})),
                                  nhwc),
                     kernel);
        }
        const std::vector<std::vector<Forced>> plans{
            {{"layout", "nhwc"}},
            {{"optimizer", "fused"}},
            {{"conv1", "im2col_gemm"}, {"conv2", "im2col_gemm"}},
            {{"layout", "nhwc"},
             {"conv1", "im2col_gemm"},
             {"pool1", "fused"},
             {"conv2", "im2col_gemm"},
             {"pool2", "pool_first"},
             {"optimizer", "fused"}}};
        for (const auto &forced : plans) {
            KernelChoice choice;
            const torch::Tensor trained = trainedWith(forcing(forced), &choice);
            const double difference = (trained - reference).abs().max().item<double>();
            qInfo("%s: largest weight difference %.3g", choice.plan.c_str(), difference);
            QVERIFY2(difference <= 1e-4, (choice.plan + ": " + std::to_string(difference)).c_str());
            QVERIFY2(!torch::equal(trained, torch::zeros_like(trained)), choice.plan.c_str());
        }
    }

    void layerProbeRunsOneLayerOnItsInputInTheModel()
    {
        torch::nn::Sequential model = buildModel(cnnSpec(), kShape, kClasses, 1);
        applyLayout(*model, TensorLayout::Nhwc);
        LayerProbe probe(model, torch::rand({16, 1, 8, 8}), TensorLayout::Nhwc);
        // conv1, pool1, conv2: the model input needs no gradient, what follows conv1 does.
        QVERIFY(!probe.input(0).requires_grad());
        QVERIFY(probe.input(2).requires_grad());
        QCOMPARE(probe.input(2).sizes().vec(), (std::vector<std::int64_t>{16, 4, 4, 4}));
        QVERIFY(probe.input(2).is_contiguous(at::MemoryFormat::ChannelsLast));
        probe.forwardBackward(2);
        QVERIFY(probe.input(2).grad().defined());
        QVERIFY(model->named_parameters()["conv2.weight"].grad().defined());
        QVERIFY(!model->named_parameters()["conv1.weight"].grad().defined());
    }

    void oneChannelBatchGoesChannelsLastWithoutACopy()
    {
        const torch::Tensor gray = torch::rand({4, 1, 5, 6});
        const torch::Tensor view = inLayout(gray, TensorLayout::Nhwc);
        QCOMPARE(view.data_ptr(), gray.data_ptr());
        QCOMPARE(view.suggest_memory_format(), at::MemoryFormat::ChannelsLast);
        QVERIFY(torch::equal(view, gray));
        QCOMPARE(inLayout(gray, TensorLayout::Nchw).data_ptr(), gray.data_ptr());

        const torch::Tensor colour = torch::rand({4, 3, 5, 6});
        const torch::Tensor copied = inLayout(colour, TensorLayout::Nhwc);
        QVERIFY(copied.data_ptr() != colour.data_ptr());
        QVERIFY(copied.is_contiguous(at::MemoryFormat::ChannelsLast));
        QVERIFY(torch::equal(copied, colour));
        // A one-channel slice that is not dense is copied, not viewed.
        const torch::Tensor strided = torch::rand({4, 1, 5, 12}).slice(3, 0, 12, 2);
        QVERIFY(inLayout(strided, TensorLayout::Nhwc).data_ptr() != strided.data_ptr());
        QVERIFY(torch::equal(inLayout(strided, TensorLayout::Nhwc), strided));
    }

    void channelsLastEqualsContiguous()
    {
        const torch::Tensor inputs = torch::rand({16, 1, 8, 8});
        std::vector<torch::Tensor> outputs, gradients;
        for (TensorLayout layout : {TensorLayout::Nchw, TensorLayout::Nhwc}) {
            torch::nn::Sequential model = buildModel(cnnSpec(), kShape, kClasses, 1);
            applyLayout(*model, layout);
            const torch::Tensor output = model->forward(inLayout(inputs, layout));
            output.square().sum().backward();
            outputs.push_back(output.detach());
            gradients.push_back(model->named_parameters()["conv1.weight"].grad().contiguous());
        }
        QVERIFY(torch::allclose(outputs[0], outputs[1], 1e-5, 1e-6));
        QVERIFY(torch::allclose(gradients[0], gradients[1], 1e-4, 1e-5));
    }

    /// The planner times copies: the model, its gradients and the process's generator are as
    /// before, and the run that measured trains exactly like one that was told the same plan.
    void measuringLeavesTheRunUntouched()
    {
        torch::nn::Sequential model = buildModel(cnnSpec(), kShape, kClasses, 1);
        const torch::Tensor before = flatParameters(*model);
        at::Generator global = at::detail::getDefaultCPUGenerator();
        const torch::Tensor generatorBefore = global.get_state();
        KernelPlannerOptions options;
        options.rounds = {0, 1};
        const KernelPlan measured = plan(model, options);
        QVERIFY(torch::equal(flatParameters(*model), before));
        for (const torch::Tensor &parameter : model->parameters())
            QVERIFY(!parameter.grad().defined());
        QVERIFY(torch::equal(global.get_state(), generatorBefore));
        QVERIFY(measured.choice.measureSeconds > 0.0);

        KernelChoice choice;
        TrainerOptions trainerOptions;
        trainerOptions.kernels.rounds = {0, 1};
        Trainer trainer(cnnConfig(), imageDataset(128, 4, 1), imageDataset(32, 4, 2),
                        trainerOptions);
        const TrainResult result = trainer.run();
        std::vector<Forced> same;
        for (const KernelOpChoice &op : result.kernels.ops)
            same.push_back({op.op, op.decision.chosen});
        const torch::Tensor told = trainedWith(forcing(same), &choice);
        QCOMPARE(choice.plan, result.kernels.plan);
        QVERIFY(torch::equal(flatParameters(*trainer.model()), told));
    }

    void trainerReportsItsChoiceAndCachesIt()
    {
        QTemporaryDir dir;
        TrainerOptions options;
        options.kernels.cachePath = dir.filePath("kernel-choices.json").toStdString();
        options.kernels.rounds = {0, 1};
        TrainResult first;
        {
            Trainer trainer(cnnConfig(), imageDataset(128, 4, 1), imageDataset(32, 4, 2), options);
            KernelProbe probe;
            trainer.addObserver(&probe);
            first = trainer.run();
            QCOMPARE(probe.chosen, 1);
            QCOMPARE(probe.stepsBeforeChoice, 0);
            QVERIFY(trainer.kernels() != nullptr);
        }
        QVERIFY(first.kernels.plan.rfind("nchw", 0) == 0 ||
                first.kernels.plan.rfind("nhwc", 0) == 0);
        QVERIFY(first.kernels.measureSeconds > 0.0);
        QVERIFY(!first.kernels.processor.empty());
        QVERIFY(first.kernels.threads >= 1);
        for (const KernelOpChoice &op : first.kernels.ops)
            QVERIFY(!op.decision.cached);
        // Phases add up to no more than the training time, and every step was timed.
        QCOMPARE(first.phases.steps, first.steps);
        QVERIFY(first.phases.forward > 0.0 && first.phases.backward > 0.0);
        QVERIFY(first.phases.optimizer > 0.0 && first.phases.data > 0.0);

        Trainer again(cnnConfig(), imageDataset(128, 4, 1), imageDataset(32, 4, 2), options);
        const TrainResult second = again.run();
        QCOMPARE(second.kernels.plan, first.kernels.plan);
        QCOMPARE(second.kernels.measureSeconds, 0.0);
        QCOMPARE(second.kernels.ops.size(), first.kernels.ops.size());
        for (const KernelOpChoice &op : second.kernels.ops)
            QVERIFY2(op.decision.cached, op.op.c_str());
    }
};

MF_TEST_GUILESS_MAIN(TestKernelPlanner)
#include "tst_kernelplanner.moc"
