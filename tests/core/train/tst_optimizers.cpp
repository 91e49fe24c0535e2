#include "core/train/optimizerfactory.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

Q_DECLARE_METATYPE(mf::OptimizerConfig)

namespace {

mf::OptimizerConfig config(const std::string &name, double weightDecay = 0.0)
{
    mf::OptimizerConfig c;
    c.name = name;
    c.learningRate = 0.1;
    c.momentum = 0.9;
    c.beta1 = 0.9;
    c.beta2 = 0.999;
    c.epsilon = 1e-8;
    c.alpha = 0.99;
    c.weightDecay = weightDecay;
    return c;
}

} // namespace

// Every case starts from p = [1, -2] with the fixed gradient g = [0.5, 0.25], lr = 0.1.
// Expected values follow the published update rules (as PyTorch implements them):
class TestOptimizers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void step_data()
    {
        QTest::addColumn<mf::OptimizerConfig>("config");
        QTest::addColumn<int>("steps");
        QTest::addColumn<double>("expected0");
        QTest::addColumn<double>("expected1");

        // p - lr * g
        QTest::newRow("sgd") << config("sgd") << 1 << 0.95 << -2.025;
        // Coupled decay: g' = g + wd * p = [0.7, -0.15]; p - lr * g'.
        QTest::newRow("sgd weight decay") << config("sgd", 0.2) << 1 << 0.93 << -1.985;
        // buf = g on the first step, then buf = mu * buf + g = 1.9 g; p -= lr * buf each step:
        // 1 - 0.05 - 0.095, -2 - 0.025 - 0.0475.
        QTest::newRow("momentum two steps") << config("momentum") << 2 << 0.855 << -2.0725;
        // buf = g; p -= lr * (g + mu * buf) = lr * 1.9 g.
        QTest::newRow("nesterov") << config("nesterov") << 1 << 0.905 << -2.0475;
        // sum = g^2; p -= lr * g / (sqrt(sum) + eps) = lr * g / (|g| + 1e-8).
        QTest::newRow("adagrad") << config("adagrad") << 1 << 0.900000002 << -2.099999996;
        // m = (1-b1) g', v = (1-b2) g'^2, bias-corrected m^ = g', v^ = g'^2 with the coupled
        // g' = [0.7, -0.15]; p -= lr * m^ / (sqrt(v^) + eps).
        QTest::newRow("adam weight decay")
            << config("adam", 0.2) << 1 << 0.9000000014285714 << -1.9000000066666662;
        // Decoupled: p *= 1 - lr * wd = 0.98, then p -= lr * g / (|g| + eps).
        QTest::newRow("adamw") << config("adamw", 0.2) << 1 << 0.880000002 << -2.059999996;
        // alpha = 0.9: v = 0.1 g^2; buf = g / (sqrt(v) + eps); p -= lr * buf.
        QTest::newRow("rmsprop") <<
            [] {
                auto c = config("rmsprop");
                c.alpha = 0.9;
                return c;
            }() << 1 << 0.6837722539831608
                                 << -2.316227726016843;
        // Unset momentum is RMSprop's own default, 0 (as in PyTorch): the second step is
        // p -= lr * g / (sqrt(0.19 g^2) + eps), with no momentum buffer carried over.
        QTest::newRow("rmsprop, default momentum, 2 steps") << [] {
            auto c = config("rmsprop");
            c.alpha = 0.9;
            c.momentum.reset();
            return c;
        }() << 2 << 0.45435653063891424 << -2.5456434388347753;
    }

    void step()
    {
        QFETCH(mf::OptimizerConfig, config);
        QFETCH(int, steps);
        QFETCH(double, expected0);
        QFETCH(double, expected1);

        auto p = torch::tensor({1.0, -2.0}, torch::kDouble).requires_grad_(true);
        auto optimizer = mf::makeOptimizer(config, {p});
        for (int i = 0; i < steps; ++i) {
            optimizer->zero_grad();
            p.mutable_grad() = torch::tensor({0.5, 0.25}, torch::kDouble);
            optimizer->step();
        }
        const double got0 = p[0].item<double>();
        const double got1 = p[1].item<double>();
        QVERIFY2(std::abs(got0 - expected0) < 1e-12, qPrintable(QString::number(got0, 'g', 17)));
        QVERIFY2(std::abs(got1 - expected1) < 1e-12, qPrintable(QString::number(got1, 'g', 17)));
    }

    void setLearningRateReachesEveryGroup_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name :
             {"sgd", "momentum", "nesterov", "adagrad", "adam", "adamw", "rmsprop"})
            QTest::newRow(name) << name;
    }

    void setLearningRateReachesEveryGroup()
    {
        QFETCH(QString, name);
        auto a = torch::zeros({2}, torch::kDouble).requires_grad_(true);
        auto b = torch::zeros({3}, torch::kDouble).requires_grad_(true);
        auto optimizer = mf::makeOptimizer(config(name.toStdString()), {a});
        optimizer->add_param_group(torch::optim::OptimizerParamGroup(
            {b}, optimizer->param_groups().front().options().clone()));
        mf::setLearningRate(*optimizer, 0.0375);
        QCOMPARE(optimizer->param_groups().size(), std::size_t(2));
        for (auto &group : optimizer->param_groups())
            QCOMPARE(group.options().get_lr(), 0.0375);
    }

    void newRateIsUsedByTheNextStep()
    {
        auto p = torch::tensor({1.0}, torch::kDouble).requires_grad_(true);
        auto optimizer = mf::makeOptimizer(config("sgd"), {p});
        mf::setLearningRate(*optimizer, 0.5);
        p.mutable_grad() = torch::tensor({2.0}, torch::kDouble);
        optimizer->step();
        QCOMPARE(p.item<double>(), 0.0); // 1 - 0.5 * 2
    }

    void unknownNameIsAConfigError()
    {
        auto p = torch::zeros({1}).requires_grad_(true);
        try {
            mf::makeOptimizer(config("lbfgs"), {p});
            QFAIL("expected mf::ConfigError");
        } catch (const mf::ConfigError &error) {
            QVERIFY(std::string(error.what()).find("lbfgs") != std::string::npos);
        }
        QVERIFY(!mf::isKnownOptimizer("lbfgs"));
        QVERIFY(mf::isKnownOptimizer("adamw"));
    }

    void invalidSettingsAreConfigErrors()
    {
        auto p = torch::zeros({1}).requires_grad_(true);
        auto negative = config("adam");
        negative.learningRate = -1.0;
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::makeOptimizer(negative, {p}));
        auto nesterov = config("nesterov");
        nesterov.momentum = 0.0;
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError, mf::makeOptimizer(nesterov, {p}));
    }
};

MF_TEST_GUILESS_MAIN(TestOptimizers)
#include "tst_optimizers.moc"
