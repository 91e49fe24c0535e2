#include "core/models/modelfactory.h"
#include "core/models/residualblock.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

class TestResidualBlock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identityShortcutKeepsShape()
    {
        torch::manual_seed(1);
        mf::ResidualBlock block(mf::ResidualBlockOptions(16, 16));
        const auto out = block->forward(torch::randn({2, 16, 8, 8}));
        QCOMPARE(out.sizes().vec(), (std::vector<std::int64_t>{2, 16, 8, 8}));
        // Two 3x3 convs without bias (16*16*9 each) and two batch norms (2*16 each).
        QCOMPARE(mf::parameterCount(*block), std::int64_t(2 * 16 * 16 * 9 + 2 * 2 * 16));
        QVERIFY(block->named_children().find("shortcut") == nullptr);
    }

    void projectionShortcutWhenShapeChanges()
    {
        torch::manual_seed(1);
        mf::ResidualBlock block(mf::ResidualBlockOptions(16, 32).stride(2));
        const auto out = block->forward(torch::randn({2, 16, 8, 8}));
        QCOMPARE(out.sizes().vec(), (std::vector<std::int64_t>{2, 32, 4, 4}));
        // conv 16->32, bn, conv 32->32, bn, 1x1 projection 16->32, bn.
        const std::int64_t expected =
            16 * 32 * 9 + 2 * 32 + 32 * 32 * 9 + 2 * 32 + 16 * 32 + 2 * 32;
        QCOMPARE(mf::parameterCount(*block), expected);
        QVERIFY(block->named_children().find("shortcut") != nullptr);
    }

    void outputIsActivatedSumOfBranchAndInput()
    {
        // With both convolutions zeroed, the residual branch contributes only the bn2 bias
        // (0), so the block returns relu(input).
        torch::manual_seed(2);
        mf::ResidualBlock block(mf::ResidualBlockOptions(4, 4));
        {
            torch::NoGradGuard noGrad;
            for (auto &p : block->named_parameters())
                if (p.key().find("conv") != std::string::npos)
                    p.value().zero_();
        }
        block->eval();
        const auto input = torch::randn({1, 4, 5, 5});
        QVERIFY(torch::allclose(block->forward(input), torch::relu(input)));
    }

    void usableInsideSequentialAndCloneable()
    {
        torch::manual_seed(3);
        torch::nn::Sequential net(mf::ResidualBlock(mf::ResidualBlockOptions(3, 8).stride(2)),
                                  torch::nn::AdaptiveAvgPool2d(1), torch::nn::Flatten());
        net->eval();
        const auto input = torch::randn({2, 3, 9, 9});
        const auto out = net->forward(input);
        QCOMPARE(out.sizes().vec(), (std::vector<std::int64_t>{2, 8}));
        auto copy = std::dynamic_pointer_cast<torch::nn::SequentialImpl>(net->clone());
        QVERIFY(copy);
        QVERIFY(torch::allclose(copy->forward(input), out));
    }

    void otherActivation()
    {
        torch::manual_seed(4);
        mf::ResidualBlock block(mf::ResidualBlockOptions(2, 2).activation("tanh"));
        block->eval();
        const auto out = block->forward(torch::randn({1, 2, 4, 4}) * 100);
        QVERIFY(out.abs().max().item<double>() <= 1.0);
    }
};

MF_TEST_GUILESS_MAIN(TestResidualBlock)
#include "tst_residualblock.moc"
