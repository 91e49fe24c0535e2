// GUI overhead and responsiveness while training. Trains the Fashion-MNIST 2-conv CNN preset from
// the Train page (shown, offscreen) and, with the very same config file, from modelforge-cli;
// prints both throughputs and their ratio. During the GUI run a probe timer on the GUI thread
// records event-loop stalls (how late each tick fires), reported as max and 99th percentile.
//
//   QT_QPA_PLATFORM=offscreen build/tests/benchmarks/bench_gui_training [--epochs 2] [--rounds 1]
//       [--dataset /usr/share/datasets/fashion-mnist]

#include "app/gui/train/trainconfigform.h"
#include "app/gui/train/traincontroller.h"
#include "app/gui/train/trainpage.h"
#include "core/util/allocatortuning.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

constexpr int kProbeIntervalMs = 5;

struct GuiResult
{
    double samplesPerSecond = 0.0;
    double maxStallMs = 0.0;
    double p99StallMs = 0.0;
    std::size_t ticks = 0;
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const std::size_t index =
        std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

GuiResult trainInGui(const QByteArray &config, const QString &workspace)
{
    mf::TrainPage page(workspace);
    page.resize(1400, 900);
    page.show();
    QString error;
    if (!page.form()->setConfigJson(config, &error)) {
        std::fprintf(stderr, "bad config: %s\n", qPrintable(error));
        std::exit(2);
    }
    QSignalSpy ended(page.controller(), &mf::TrainController::runEnded);
    QSignalSpy prepared(page.controller(), &mf::TrainController::runPrepared);

    std::vector<double> stalls;
    QElapsedTimer clock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(kProbeIntervalMs);
    qint64 last = -1;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        // Only while the run trains: dataset loading happens before runPrepared.
        if (last >= 0 && prepared.count() > 0)
            stalls.push_back(std::max(0.0, (now - last) / 1e6 - kProbeIntervalMs));
        last = now;
    });
    clock.start();
    probe.start();
    if (!page.startTraining()) {
        std::fprintf(stderr, "cannot start: %s\n", qPrintable(page.startBlockedReason()));
        std::exit(2);
    }
    while (ended.isEmpty())
        ended.wait(1000);
    probe.stop();
    const auto report = ended.takeFirst().at(0).value<mf::TrainOutcomeReport>();
    if (report.status != QLatin1String("FINISHED")) {
        std::fprintf(stderr, "GUI run ended %s: %s\n", qPrintable(report.status),
                     qPrintable(report.message));
        std::exit(2);
    }
    GuiResult result;
    result.samplesPerSecond = report.samplesPerSecond;
    result.maxStallMs = stalls.empty() ? 0.0 : *std::max_element(stalls.begin(), stalls.end());
    result.p99StallMs = percentile(stalls, 0.99);
    result.ticks = stalls.size();
    return result;
}

double trainInCli(const QString &configPath, const QString &workspace)
{
    QProcess cli;
    cli.start(QStringLiteral(MODELFORGE_CLI_PATH),
              {QStringLiteral("--json"), QStringLiteral("--workspace"), workspace,
               QStringLiteral("train"), QStringLiteral("--config"), configPath,
               QStringLiteral("--quiet")});
    if (!cli.waitForFinished(-1) || cli.exitCode() != 0) {
        std::fprintf(stderr, "modelforge-cli failed: %s\n", cli.readAllStandardError().constData());
        std::exit(2);
    }
    const QJsonObject out = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    return out.value(QStringLiteral("samples_per_second")).toDouble();
}

} // namespace

int main(int argc, char **argv)
{
    mf::keepFreedMemoryForReuse();
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("epochs"), QStringLiteral("Epochs per run."),
                      QStringLiteral("n"), QStringLiteral("2")});
    parser.addOption({QStringLiteral("rounds"), QStringLiteral("GUI/CLI pairs."),
                      QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("dataset"), QStringLiteral("Dataset path."),
                      QStringLiteral("path"), QStringLiteral("/usr/share/datasets/fashion-mnist")});
    parser.process(app);
    const int epochs = parser.value(QStringLiteral("epochs")).toInt();
    const int rounds = parser.value(QStringLiteral("rounds")).toInt();

    QTemporaryDir dir;
    // The preset as the Train page builds it, so both sides train the identical config.
    QByteArray config;
    {
        mf::TrainConfigForm form;
        form.applyPreset(QStringLiteral("fashion-mnist-cnn"));
        nlohmann::json json = nlohmann::json::parse(form.configJson().toStdString());
        json["epochs"] = epochs;
        json["dataset"] = parser.value(QStringLiteral("dataset")).toStdString();
        config = QByteArray::fromStdString(json.dump(2));
    }
    const QString configPath = dir.filePath(QStringLiteral("config.json"));
    QFile file(configPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(config) != config.size())
        return 2;
    file.close();

    std::printf("2-conv CNN preset, %d epoch(s), config %s\n", epochs, qPrintable(configPath));
    std::vector<double> ratios;
    for (int round = 0; round < rounds; ++round) {
        // Alternate which side goes first, so drift in machine load does not favour one.
        double cli = 0.0;
        GuiResult gui;
        const QString ws = dir.filePath(QStringLiteral("ws%1").arg(round));
        if (round % 2 == 0) {
            cli = trainInCli(configPath, ws);
            gui = trainInGui(config, ws);
        } else {
            gui = trainInGui(config, ws);
            cli = trainInCli(configPath, ws);
        }
        ratios.push_back(gui.samplesPerSecond / cli);
        std::printf("round %d: GUI %.0f samples/s, CLI %.0f samples/s, GUI/CLI %.3f; "
                    "GUI-thread stalls over %zu probe ticks: max %.1f ms, p99 %.1f ms\n",
                    round + 1, gui.samplesPerSecond, cli, gui.samplesPerSecond / cli, gui.ticks,
                    gui.maxStallMs, gui.p99StallMs);
        std::fflush(stdout);
    }
    std::sort(ratios.begin(), ratios.end());
    std::printf("GUI/CLI throughput ratio, median of %d: %.3f (target >= 0.97)\n", rounds,
                ratios[ratios.size() / 2]);
    std::printf("stall targets: max < 50 ms, p99 < 16 ms\n");
    return 0;
}
