#include "widgets/metricchart.h"
#include "widgets/metricdashboard.h"

#include "tests/support/testsuite.h"

#include <QComboBox>
#include <QLineSeries>
#include <QSlider>
#include <QtTest/QtTest>

using namespace mf;

class TestMetricDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void liveRefreshesShareOneBudget()
    {
        MetricDashboard dashboard;
        double total = 0.0;
        for (int p = 0; p < MetricDashboard::PanelCount; ++p) {
            const double budget = dashboard.chart(MetricDashboard::Panel(p))->refreshBudget();
            QVERIFY(budget > 0.0);
            if (p != MetricDashboard::LossPanel)
                QVERIFY(budget < dashboard.chart(MetricDashboard::LossPanel)->refreshBudget());
            total += budget;
        }
        QVERIFY(qAbs(total - MetricDashboard::kLiveRefreshBudget) < 1e-12);
    }

    void metricsGoToTheirPanels_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("panel");
        QTest::newRow("train loss") << "train_loss" << int(MetricDashboard::LossPanel);
        QTest::newRow("val loss") << "val_loss" << int(MetricDashboard::LossPanel);
        QTest::newRow("val accuracy") << "val_accuracy" << int(MetricDashboard::AccuracyPanel);
        QTest::newRow("lr") << "lr" << int(MetricDashboard::LearningRatePanel);
        QTest::newRow("throughput")
            << "samples_per_second" << int(MetricDashboard::ThroughputPanel);
        QTest::newRow("not shown") << "epoch_seconds" << -1;
    }

    void metricsGoToTheirPanels()
    {
        QFETCH(QString, key);
        QFETCH(int, panel);
        QCOMPARE(MetricDashboard::panelForMetric(key), panel);
        MetricDashboard dashboard;
        dashboard.addSamples(key, QStringLiteral("s"), {{1, 0.5, 2.0, 0.25}});
        for (int p = 0; p < MetricDashboard::PanelCount; ++p) {
            const bool here = p == panel;
            QCOMPARE(dashboard.chart(MetricDashboard::Panel(p))->seriesNames().contains("s"), here);
        }
        QCOMPARE(dashboard.samples(QStringLiteral("s")).size(), panel >= 0 ? 1 : 0);
    }

    void xAxisSwitchRedrawsFromAllSamples()
    {
        MetricDashboard dashboard;
        const QVector<MetricSample> samples = {
            {10, 0.5, 3.0, 1.5}, {20, 1.0, 6.0, 1.0}, {30, 1.5, 9.5, 0.8}};
        dashboard.addSamples(QStringLiteral("train_loss"), QStringLiteral("loss"),
                             samples.mid(0, 2));
        dashboard.addSamples(QStringLiteral("train_loss"), QStringLiteral("loss"), samples.mid(2));
        MetricChart *chart = dashboard.chart(MetricDashboard::LossPanel);
        const auto xs = [chart] {
            QVector<double> x;
            for (const QPointF &p : chart->rawPoints(QStringLiteral("loss")))
                x.append(p.x());
            return x;
        };
        QCOMPARE(xs(), (QVector<double>{10, 20, 30}));
        QSignalSpy changed(&dashboard, &MetricDashboard::xAxisChanged);
        dashboard.xAxisBox()->setCurrentIndex(
            dashboard.xAxisBox()->findData(int(MetricDashboard::XAxis::Epoch)));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(dashboard.xAxis(), MetricDashboard::XAxis::Epoch);
        QCOMPARE(xs(), (QVector<double>{0.5, 1.0, 1.5}));
        dashboard.setXAxis(MetricDashboard::XAxis::WallTime);
        QCOMPARE(xs(), (QVector<double>{3.0, 6.0, 9.5}));
        QCOMPARE(chart->xAxisTitle(), QStringLiteral("Wall time (s)"));
        QCOMPARE(chart->rawPoints(QStringLiteral("loss")).constLast().y(), 0.8);
    }

    void smoothingSliderDrivesDenseSeriesOnly()
    {
        MetricDashboard dashboard;
        dashboard.addSamples(QStringLiteral("train_loss"), QStringLiteral("train"),
                             {{1, 0, 0, 1.0}, {2, 0, 0, 0.0}});
        dashboard.addSamples(QStringLiteral("val_loss"), QStringLiteral("val"),
                             {{1, 0, 0, 1.0}, {2, 0, 0, 0.0}}, MetricDashboard::Density::Sparse);
        dashboard.smoothingSlider()->setValue(50);
        QCOMPARE(dashboard.smoothing(), 0.5);
        MetricChart *chart = dashboard.chart(MetricDashboard::LossPanel);
        QCOMPARE(chart->smoothing(), 0.5);
        chart->refreshNow();
        // Debiased EMA with weight 0.5: (0.5*1*0.5 + 0.5*0) / (1 - 0.25) = 1/3.
        QCOMPARE(chart->smoothedPoints(QStringLiteral("train")).constLast().y(), 1.0 / 3.0);
        // The sparse series is drawn as measured: its "smoothed" points are its raw ones, and
        // only its raw line is shown.
        const QVector<QPointF> val = chart->smoothedPoints(QStringLiteral("val"));
        QCOMPARE(val.size(), 2);
        QCOMPARE(val.constFirst().y(), 1.0);
        QCOMPARE(val.constLast().y(), 0.0);
        QVERIFY(!chart->smoothedLineSeries(QStringLiteral("val"))->isVisible());
        QVERIFY(chart->smoothedLineSeries(QStringLiteral("train"))->isVisible());
        dashboard.clear();
        QVERIFY(dashboard.samples(QStringLiteral("train")).isEmpty());
        QVERIFY(chart->seriesNames().isEmpty());
    }
};

MF_TEST_MAIN(TestMetricDashboard)
#include "tst_metricdashboard.moc"
