#include "app/gui/runs/configdiffmodel.h"
#include "app/gui/runs/runcomparisonview.h"
#include "app/gui/store/runmetrics.h"
#include "tests/support/testsuite.h"
#include "widgets/colorlegend.h"
#include "widgets/metricchart.h"
#include "widgets/metricdashboard.h"

#include <QComboBox>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScrollBar>
#include <QSet>
#include <QTableView>
#include <QtTest/QtTest>

using mf::ConfigDiffModel;
using mf::MetricChart;
using mf::MetricDashboard;
using mf::MetricSample;
using mf::RunComparisonView;
using mf::RunMetrics;
using mf::RunMetricSeries;
using mf::RunsMetrics;

namespace {

/// A run of `epochs` epochs of `stepsPerEpoch` steps: train loss and learning rate every 10
/// steps, validation loss and accuracy at each epoch's end.
RunMetrics makeRun(qint64 id, const std::string &name, int stepsPerEpoch, int epochs = 2,
                   const std::string &batchSize = "64")
{
    RunMetrics run;
    run.run.id = id;
    run.run.name = name;
    run.params = {{"batch_size", batchSize}, {"model", id % 2 ? "cnn" : "mlp"}, {"seed", "1"}};
    RunMetricSeries loss{QStringLiteral("train_loss"), false, {}};
    RunMetricSeries lr{QStringLiteral("lr"), false, {}};
    RunMetricSeries valLoss{QStringLiteral("val_loss"), true, {}};
    RunMetricSeries valAccuracy{QStringLiteral("val_accuracy"), true, {}};
    RunMetricSeries trainAccuracy{QStringLiteral("train_accuracy"), true, {}};
    for (int step = 10; step <= stepsPerEpoch * epochs; step += 10) {
        const double epoch = double(step) / stepsPerEpoch;
        loss.samples.append({double(step), epoch, step * 0.1, 2.0 / (1.0 + step * 0.01)});
        lr.samples.append({double(step), epoch, step * 0.1, 1e-3});
    }
    for (int epoch = 1; epoch <= epochs; ++epoch) {
        const double step = double(epoch * stepsPerEpoch);
        valLoss.samples.append({step, double(epoch), step * 0.1, 0.5 / epoch});
        valAccuracy.samples.append({step, double(epoch), step * 0.1, 0.8 + 0.01 * epoch});
        trainAccuracy.samples.append({step, double(epoch), step * 0.1, 0.82 + 0.01 * epoch});
    }
    run.series = {loss, lr, valLoss, valAccuracy, trainAccuracy};
    return run;
}

RunsMetrics comparisonOf(int runs, int stepsPerEpoch = 100)
{
    RunsMetrics metrics;
    for (int i = 1; i <= runs; ++i) {
        metrics.runIds.append(i);
        metrics.runs.push_back(
            makeRun(i, "run-" + std::to_string(i), stepsPerEpoch, 2, std::to_string(32 * i)));
    }
    return metrics;
}

QColor iconColor(const QVariant &decoration)
{
    const QImage image = decoration.value<QIcon>().pixmap(16, 16).toImage();
    return image.pixelColor(image.width() / 2, image.height() / 2);
}

void showView(RunComparisonView &view)
{
    view.resize(1000, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
}

} // namespace

class TestRunComparisonView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachRunHasOneColourInEveryChartAndTheTable()
    {
        RunComparisonView view;
        showView(view);
        const RunsMetrics metrics = comparisonOf(3);
        view.showMetrics(metrics);
        QVERIFY(view.isShowingMetrics());

        QSet<QRgb> colours;
        for (const RunMetrics &run : metrics.runs) {
            const QColor colour = view.runColor(run.run.id);
            QVERIFY(colour.isValid());
            colours.insert(colour.rgb());
            int seriesSeen = 0;
            for (int panel = 0; panel < MetricDashboard::PanelCount; ++panel) {
                MetricChart *chart = view.dashboard()->chart(MetricDashboard::Panel(panel));
                for (const QString &name : chart->seriesNames()) {
                    if (!name.startsWith(QStringLiteral("#%1 ").arg(run.run.id)))
                        continue;
                    ++seriesSeen;
                    QCOMPARE(chart->seriesColor(name), colour);
                    QCOMPARE(chart->rawLineSeries(name)->pen().color().rgb(), colour.rgb());
                }
            }
            QCOMPARE(seriesSeen, 5);
        }
        QCOMPARE(colours.size(), 3);

        // The differences table marks each run's column with the run's colour.
        ConfigDiffModel *model = view.configModel();
        for (int column = 1; column < model->columnCount(); ++column) {
            const qint64 runId = metrics.runs[std::size_t(column - 1)].run.id;
            QCOMPARE(iconColor(model->headerData(column, Qt::Horizontal, Qt::DecorationRole)),
                     view.runColor(runId));
        }
    }

    void eachKindOfSeriesHasOneStyle()
    {
        RunComparisonView view;
        showView(view);
        view.showMetrics(comparisonOf(2));
        MetricDashboard *dashboard = view.dashboard();
        MetricChart *loss = dashboard->chart(MetricDashboard::LossPanel);
        MetricChart *accuracy = dashboard->chart(MetricDashboard::AccuracyPanel);
        for (int id = 1; id <= 2; ++id) {
            const QString train = QStringLiteral("#%1 train_loss").arg(id);
            // Smoothed solid over a thin, faded raw line.
            QCOMPARE(loss->smoothedLineSeries(train)->pen().style(), Qt::SolidLine);
            QVERIFY(loss->rawLineSeries(train)->pen().color().alphaF() < 0.5);
            QVERIFY(loss->rawLineSeries(train)->pen().widthF() <
                    loss->smoothedLineSeries(train)->pen().widthF());
            // Validation dashed, per-epoch training accuracy dotted.
            QCOMPARE(loss->rawLineSeries(QStringLiteral("#%1 val_loss").arg(id))->pen().style(),
                     Qt::DashLine);
            QCOMPARE(accuracy->seriesPenStyle(QStringLiteral("#%1 val_accuracy").arg(id)),
                     Qt::DashLine);
            QCOMPARE(accuracy->seriesPenStyle(QStringLiteral("#%1 train_accuracy").arg(id)),
                     Qt::DotLine);
        }
    }

    void everyLegendEntryIsNamed()
    {
        RunComparisonView view;
        showView(view);
        RunsMetrics metrics = comparisonOf(3);
        const std::string longName = "augmented-cnn-with-cosine-schedule-and-label-smoothing";
        metrics.runs[1].run.name = longName;
        view.showMetrics(metrics);

        // No chart draws a legend of its own: none can show a marker without its name.
        for (int panel = 0; panel < MetricDashboard::PanelCount; ++panel) {
            QChart *chart = view.dashboard()->chart(MetricDashboard::Panel(panel))->chart();
            if (!chart->legend()->isVisible())
                continue;
            for (QLegendMarker *marker : chart->legend()->markers())
                QVERIFY(!marker->isVisible() || !marker->label().isEmpty());
        }
        QVERIFY(
            !view.dashboard()->chart(MetricDashboard::LossPanel)->chart()->legend()->isVisible());

        // The comparison's legend names each run once, then the line styles.
        mf::ColorLegend *legend = view.legend();
        QCOMPARE(legend->entryCount(), 3);
        const QList<QLabel *> labels = legend->textLabels();
        QVERIFY(labels.size() > 3);
        for (QLabel *label : labels) {
            QVERIFY(label->isVisible());
            QVERIFY(!label->text().trimmed().isEmpty());
        }
        for (int i = 0; i < 3; ++i) {
            const RunMetrics &run = metrics.runs[std::size_t(i)];
            const QString full =
                QStringLiteral("#%1 %2").arg(run.run.id).arg(QString::fromStdString(run.run.name));
            QCOMPARE(labels.at(i)->toolTip(), full);
            QVERIFY(labels.at(i)->text().startsWith(QStringLiteral("#%1 ").arg(run.run.id)));
            QCOMPARE(legend->entryColor(i), view.runColor(run.run.id));
        }
        // The long name is elided in the middle, keeping its id and its end.
        const QString elided = labels.at(1)->text();
        QVERIFY(elided != labels.at(1)->toolTip());
        QVERIFY(elided.contains(QChar(0x2026)));
        QVERIFY(elided.endsWith(QStringLiteral("smoothing")));
    }

    void everyColumnOfTheDifferencesHasAHeader_data()
    {
        QTest::addColumn<int>("runs");
        for (int runs : {2, 5, 8})
            QTest::addRow("%d runs", runs) << runs;
    }

    void everyColumnOfTheDifferencesHasAHeader()
    {
        QFETCH(int, runs);
        RunComparisonView view;
        showView(view);
        RunsMetrics metrics = comparisonOf(runs);
        for (RunMetrics &run : metrics.runs)
            run.run.name = "a-rather-long-run-name-for-run-" + std::to_string(run.run.id);
        view.showMetrics(metrics);
        ConfigDiffModel *model = view.configModel();
        QCOMPARE(model->columnCount(), 1 + runs);
        QHeaderView *header = view.configView()->horizontalHeader();
        for (int column = 0; column < model->columnCount(); ++column) {
            const QString text = model->headerData(column, Qt::Horizontal).toString();
            QVERIFY2(!text.isEmpty(), qPrintable(QString::number(column)));
            QCOMPARE(model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString(), text);
            QVERIFY(header->sectionSize(column) > 0);
            if (column > 0) {
                const qint64 id = metrics.runs[std::size_t(column - 1)].run.id;
                QVERIFY(text.startsWith(QStringLiteral("#%1 ").arg(id)));
            }
        }
        // Wider than the view, the table scrolls instead of squeezing the runs' columns.
        if (runs == 8) {
            QTRY_VERIFY(view.configView()->horizontalScrollBar()->maximum() > 0);
            for (int column = 1; column < model->columnCount() - 1; ++column)
                QVERIFY(header->sectionSize(column) >= 80);
        }
    }

    void stepsThatDoNotCompareAreAlignedByEpoch()
    {
        RunComparisonView view;
        showView(view);
        // Batch 64 and batch 128 over one dataset: 844 and 422 steps per epoch.
        RunsMetrics metrics;
        metrics.runIds = {1, 2};
        metrics.runs.push_back(makeRun(1, "cnn", 844, 1, "64"));
        metrics.runs.push_back(makeRun(2, "mlp", 422, 1, "128"));
        view.showMetrics(metrics);
        MetricDashboard *dashboard = view.dashboard();
        QCOMPARE(dashboard->xAxis(), MetricDashboard::XAxis::Epoch);
        QVERIFY2(view.alignmentText().contains(QStringLiteral("844")),
                 qPrintable(view.alignmentText()));
        QVERIFY(view.alignmentText().contains(QStringLiteral("422")));
        // Both runs' one validation point now sits at epoch 1, at the same x.
        MetricChart *accuracy = dashboard->chart(MetricDashboard::AccuracyPanel);
        QCOMPARE(accuracy->rawPoints(QStringLiteral("#1 val_accuracy")).constFirst().x(), 1.0);
        QCOMPARE(accuracy->rawPoints(QStringLiteral("#2 val_accuracy")).constFirst().x(), 1.0);

        // Back on steps, the note says why that misleads.
        dashboard->setXAxis(MetricDashboard::XAxis::Step);
        QVERIFY(view.alignmentText().contains(QStringLiteral("Epoch")));
        QVERIFY(view.alignmentText() != QString());

        // Runs whose epochs end at the same step compare by step: no note, no switch.
        view.showMetrics(comparisonOf(2, 100));
        QCOMPARE(dashboard->xAxis(), MetricDashboard::XAxis::Step);
        QVERIFY(view.alignmentText().isEmpty());
    }
};

MF_TEST_MAIN(TestRunComparisonView)
#include "tst_runcomparisonview.moc"
