#include "core/train/losses.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

namespace {

// Two samples, three classes: logits [2, 0, 0] with target 0 and [0, 0, 0] with target 2.
torch::Tensor logits()
{
    return torch::tensor({{2.0, 0.0, 0.0}, {0.0, 0.0, 0.0}}, torch::kDouble);
}

torch::Tensor targets()
{
    return torch::tensor({0, 2}, torch::kLong);
}

} // namespace

class TestLosses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loss_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("expected");
        // ((log(e^2 + 2) - 2) + log 3) / 2
        QTest::newRow("cross_entropy") << "cross_entropy" << 0.6690785274449972;
        // softmax rows [e^2, 1, 1] / (e^2 + 2) and [1/3, 1/3, 1/3] against one-hot [1,0,0] and
        // [0,0,1]; mean of the six squared differences.
        QTest::newRow("mse") << "mse" << 0.1224548476696062;
        // log(1 + e^-2) for the target logit 2, log 2 for the five logits of 0; mean of six.
        QTest::newRow("bce") << "bce" << 0.5987773189737832;
    }

    void loss()
    {
        QFETCH(QString, name);
        QFETCH(double, expected);
        const auto input = logits().requires_grad_(true);
        const auto value = mf::computeLoss(name.toStdString(), input, targets());
        QCOMPARE(value.dim(), 0);
        QVERIFY2(std::abs(value.item<double>() - expected) < 1e-12,
                 qPrintable(QString::number(value.item<double>(), 'g', 17)));
        value.backward();
        QVERIFY(input.grad().defined());
        QVERIFY(input.grad().abs().sum().item<double>() > 0.0);
    }

    void unknownLoss()
    {
        try {
            mf::computeLoss("hinge", logits(), targets());
            QFAIL("expected mf::ConfigError");
        } catch (const mf::ConfigError &error) {
            QVERIFY(std::string(error.what()).find("hinge") != std::string::npos);
        }
        QVERIFY(!mf::isKnownLoss("hinge"));
    }

    void mismatchedShapes()
    {
        QVERIFY_THROWS_EXCEPTION(
            mf::Error, mf::computeLoss("mse", logits(), torch::tensor({0}, torch::kLong)));
        QVERIFY_THROWS_EXCEPTION(mf::Error, mf::computeLoss("cross_entropy", logits()[0],
                                                            torch::tensor({0}, torch::kLong)));
    }

    void penalty()
    {
        torch::nn::Sequential net(torch::nn::Linear(2, 2), torch::nn::BatchNorm1d(2));
        auto *linear = net[0]->as<torch::nn::Linear>();
        {
            torch::NoGradGuard noGrad;
            linear->weight.copy_(torch::tensor({{1.0, -2.0}, {3.0, 0.0}}));
            linear->bias.fill_(5.0);
        }
        // l1 * (1 + 2 + 3) + 0.5 * l2 * (1 + 4 + 9); biases and the norm layer do not count.
        const auto value = mf::weightPenalty(*net, 0.1, 0.2);
        QVERIFY(std::abs(value.item<double>() - 2.0) < 1e-6);
        value.backward();
        // d/dw = l1 * sign(w) + l2 * w.
        const auto expected = torch::tensor({{0.3, -0.5}, {0.7, 0.0}});
        QVERIFY(torch::allclose(linear->weight.grad(), expected, 1e-5, 1e-6));
        QVERIFY(!linear->bias.grad().defined() ||
                linear->bias.grad().abs().sum().item<double>() == 0.0);

        const auto onlyL1 = mf::weightPenalty(*net, 0.5, 0.0);
        QVERIFY(std::abs(onlyL1.item<double>() - 3.0) < 1e-6);
        const auto onlyL2 = mf::weightPenalty(*net, 0.0, 1.0);
        QVERIFY(std::abs(onlyL2.item<double>() - 7.0) < 1e-6);
    }

    void zeroPenaltyIsADefinedScalar()
    {
        torch::nn::Linear linear(3, 2);
        const auto value = mf::weightPenalty(*linear, 0.0, 0.0);
        QVERIFY(value.defined());
        QCOMPARE(value.dim(), 0);
        QCOMPARE(value.item<double>(), 0.0);
        // Adding it to a loss must work like adding 0.
        const auto loss = torch::tensor(1.5) + value;
        QCOMPARE(loss.item<double>(), 1.5);
    }
};

MF_TEST_GUILESS_MAIN(TestLosses)
#include "tst_losses.moc"
