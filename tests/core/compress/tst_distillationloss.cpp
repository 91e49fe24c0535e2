#include "core/compress/distillationloss.h"
#include "core/util/error.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <cmath>

class TestDistillationLoss : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesAHandComputedCase()
    {
        // One sample, two classes, T = 2, alpha = 0.5.
        // student logits (1, 0) / 2 -> softmax q = (e^.5, 1) / (e^.5 + 1)
        // teacher logits (0, 2) / 2 -> softmax p = (1, e) / (1 + e)
        // KL(p || q) = sum p (log p - log q); CE = -log softmax(student)[label 1]
        const double e = std::exp(1.0);
        const double sqrtE = std::exp(0.5);
        const double p0 = 1.0 / (1.0 + e), p1 = e / (1.0 + e);
        const double q0 = sqrtE / (sqrtE + 1.0), q1 = 1.0 / (sqrtE + 1.0);
        const double kl = p0 * std::log(p0 / q0) + p1 * std::log(p1 / q1);
        const double ce = -std::log(1.0 / (e + 1.0));
        const double expected = 0.5 * 4.0 * kl + 0.5 * ce;

        const torch::Tensor student = torch::tensor({{1.0f, 0.0f}});
        const torch::Tensor teacher = torch::tensor({{0.0f, 2.0f}});
        const torch::Tensor labels = torch::tensor({1}, torch::kLong);
        const double loss = mf::DistillationLoss{2.0, 0.5}(student, teacher, labels).item<double>();
        QVERIFY2(std::abs(loss - expected) < 1e-6,
                 qPrintable(QString("%1 vs %2").arg(loss).arg(expected)));
    }

    void alphaZeroIsCrossEntropyAndTheTeacherGetsNoGradient()
    {
        torch::manual_seed(1);
        const torch::Tensor student = torch::randn({8, 5}, torch::requires_grad());
        const torch::Tensor teacher = torch::randn({8, 5}, torch::requires_grad());
        const torch::Tensor labels = torch::randint(5, {8}, torch::kLong);
        const torch::Tensor loss = mf::DistillationLoss{3.0, 0.0}(student, teacher, labels);
        QVERIFY(torch::allclose(loss, torch::nn::functional::cross_entropy(student, labels)));
        mf::DistillationLoss{3.0, 0.7}(student, teacher, labels).backward();
        QVERIFY(student.grad().defined());
        QVERIFY(!teacher.grad().defined());
    }

    void aStudentThatMatchesTheTeacherHasNoSoftLoss()
    {
        const torch::Tensor logits = torch::tensor({{0.3f, -1.0f, 2.0f}, {1.0f, 1.0f, 0.0f}});
        const torch::Tensor labels = torch::tensor({2, 0}, torch::kLong);
        QVERIFY(std::abs(mf::DistillationLoss{4.0, 1.0}(logits, logits, labels).item<double>()) <
                1e-7);
    }

    void rejectsATemperatureOrAlphaOutOfRange()
    {
        const torch::Tensor logits = torch::zeros({1, 2});
        const torch::Tensor labels = torch::zeros({1}, torch::kLong);
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError,
                                 mf::DistillationLoss({0.0, 0.5})(logits, logits, labels));
        QVERIFY_THROWS_EXCEPTION(mf::ConfigError,
                                 mf::DistillationLoss({2.0, 1.5})(logits, logits, labels));
    }
};

MF_TEST_GUILESS_MAIN(TestDistillationLoss)
#include "tst_distillationloss.moc"
