#include "core/train/plannedadam.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <ATen/CPUGeneratorImpl.h>

#include <sstream>

using namespace mf;

namespace {

/// Parameters shaped like a small CNN's, a conv weight channels-last among them, odd sizes that
/// leave a remainder after any vector width, and gradients drawn from a generator of their own.
std::vector<torch::Tensor> parameters(std::uint64_t seed)
{
    at::Generator generator = at::detail::createCPUGenerator(seed);
    std::vector<torch::Tensor> result;
    for (const auto &shape : std::vector<std::vector<std::int64_t>>{
             {8, 3, 3, 3}, {8}, {10, 37}, {10}, {1}, {3, 5, 7}}) {
        torch::Tensor p = torch::randn(shape, generator);
        if (shape.size() == 4)
            p = p.contiguous(at::MemoryFormat::ChannelsLast);
        result.push_back(p.requires_grad_(true));
    }
    return result;
}

void setGradients(std::vector<torch::Tensor> &params, std::uint64_t seed)
{
    at::Generator generator = at::detail::createCPUGenerator(seed);
    for (torch::Tensor &p : params)
        p.mutable_grad() = torch::empty_like(p, at::MemoryFormat::Preserve)
                               .copy_(torch::randn(p.sizes(), generator));
}

/// Runs `steps` steps of `kernel` from the same start and gradients; returns the parameters.
template <class Optimizer, class Options>
std::vector<torch::Tensor> trained(const Options &options, const std::string &kernel, int steps)
{
    std::vector<torch::Tensor> params = parameters(1);
    Optimizer optimizer(params, options);
    setOptimizerKernel(optimizer, kernel);
    for (int s = 0; s < steps; ++s) {
        setGradients(params, 100 + s);
        optimizer.step();
    }
    return params;
}

double largestDifference(const std::vector<torch::Tensor> &a, const std::vector<torch::Tensor> &b)
{
    double largest = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a[i].is_contiguous(a[i].suggest_memory_format()) || a[i].strides() != b[i].strides())
            return std::numeric_limits<double>::infinity();
        largest = std::max(largest, (a[i] - b[i]).abs().max().item<double>());
    }
    return largest;
}

} // namespace

class TestPlannedAdam : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    /// The fused pass computes LibTorch's formulas in float, in their order; the compiler may
    /// fuse a multiply and an add where ATen rounds twice, so the parameters may differ in the
    /// last bits: after 20 steps of lr 0.01 they stay within 1e-6 (they are of order 1).
    void fusedStepEqualsLibTorchs_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("weightDecay");
        QTest::addColumn<bool>("amsgrad");
        QTest::newRow("adam") << "adam" << 0.0 << false;
        QTest::newRow("adam weight decay") << "adam" << 0.05 << false;
        QTest::newRow("adam amsgrad") << "adam" << 0.0 << true;
        QTest::newRow("adamw") << "adamw" << 0.05 << false;
        QTest::newRow("adamw amsgrad") << "adamw" << 0.01 << true;
    }

    void fusedStepEqualsLibTorchs()
    {
        QFETCH(QString, name);
        QFETCH(double, weightDecay);
        QFETCH(bool, amsgrad);
        std::vector<torch::Tensor> reference, fused;
        if (name == "adam") {
            const auto options = torch::optim::AdamOptions(0.01)
                                     .betas({0.8, 0.95})
                                     .weight_decay(weightDecay)
                                     .amsgrad(amsgrad);
            reference = trained<PlannedAdam>(options, "aten", 20);
            fused = trained<PlannedAdam>(options, "fused", 20);
        } else {
            const auto options =
                torch::optim::AdamWOptions(0.01).weight_decay(weightDecay).amsgrad(amsgrad);
            reference = trained<PlannedAdamW>(options, "aten", 20);
            fused = trained<PlannedAdamW>(options, "fused", 20);
        }
        const double difference = largestDifference(fused, reference);
        qInfo("largest difference %.3g", difference);
        QVERIFY2(difference <= 1e-6, std::to_string(difference).c_str());
        // ... and the step did move them.
        QVERIFY(largestDifference(reference, parameters(1)) > 0.01);
    }

    /// The state is LibTorch's: a checkpoint of either kernel resumes with the other.
    void stateCarriesOverBetweenKernelsAndCheckpoints()
    {
        const auto options = torch::optim::AdamOptions(0.01);
        std::vector<torch::Tensor> params = parameters(1);
        PlannedAdam fused(params, options);
        setOptimizerKernel(fused, "fused");
        for (int s = 0; s < 3; ++s) {
            setGradients(params, 100 + s);
            fused.step();
        }
        std::stringstream saved;
        {
            torch::serialize::OutputArchive archive;
            fused.save(archive);
            archive.save_to(saved);
        }
        std::vector<torch::Tensor> copies;
        for (const torch::Tensor &p : params)
            copies.push_back(p.detach().clone(at::MemoryFormat::Preserve).requires_grad_(true));
        PlannedAdam aten(copies, options);
        torch::serialize::InputArchive archive;
        archive.load_from(saved);
        aten.load(archive);
        setGradients(params, 103);
        setGradients(copies, 103);
        fused.step();
        aten.step();
        QVERIFY(largestDifference(params, copies) <= 1e-6);
    }

    /// A gradient strided unlike its parameter is not the fused pass's to take: the whole step
    /// runs LibTorch's, which gives the same result.
    void parametersItCannotTakeRunLibTorchsStep()
    {
        const auto options = torch::optim::AdamOptions(0.01);
        std::vector<std::vector<torch::Tensor>> results;
        for (const char *kernel : {"aten", "fused"}) {
            std::vector<torch::Tensor> params = parameters(1);
            PlannedAdam optimizer(params, options);
            setOptimizerKernel(optimizer, kernel);
            setGradients(params, 100);
            params[2].mutable_grad() = params[2].grad().t().contiguous().t(); // column-major
            optimizer.step();
            results.push_back(params);
        }
        QCOMPARE(largestDifference(results[0], results[1]), 0.0);
    }

    void kernelsOnOffer()
    {
        std::vector<torch::Tensor> params = parameters(1);
        PlannedAdam adam(params, torch::optim::AdamOptions(0.01));
        QCOMPARE(optimizerKernels(adam, torch::kCPU), (std::vector<std::string>{"aten", "fused"}));
        QCOMPARE(optimizerKernel(adam), std::string("aten"));
        QCOMPARE(optimizerKernels(adam, torch::Device(torch::kCUDA, 0)),
                 std::vector<std::string>{"aten"});
        std::vector<torch::Tensor> doubles{torch::zeros({3}, torch::kFloat64)};
        QCOMPARE(optimizerKernels(PlannedAdam(doubles), torch::kCPU),
                 std::vector<std::string>{"aten"});
        torch::optim::SGD sgd(params, torch::optim::SGDOptions(0.1));
        QCOMPARE(optimizerKernels(sgd, torch::kCPU), std::vector<std::string>{"aten"});
        QVERIFY_THROWS_EXCEPTION(ConfigError, setOptimizerKernel(sgd, "fused"));
        QVERIFY_THROWS_EXCEPTION(ConfigError, setOptimizerKernel(adam, "foreach"));
    }
};

MF_TEST_GUILESS_MAIN(TestPlannedAdam)
#include "tst_plannedadam.moc"
