#include "app/gui/roi/roimontecarlopanel.h"

#include "app/gui/roi/roicharts.h"
#include "app/gui/roi/roiformat.h"
#include "widgets/noticelabel.h"

#include <QChartView>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <limits>

namespace mf {

RoiMonteCarloPanel::RoiMonteCarloPanel(QWidget *parent)
    : QWidget(parent), m_trials(new QSpinBox), m_seed(new QSpinBox),
      m_run(new QPushButton(tr("Run Monte Carlo"))), m_summary(new QLabel),
      m_notice(new NoticeLabel), m_chart(new QChartView)
{
    m_trials->setObjectName(QStringLiteral("roiMonteCarloTrials"));
    m_trials->setRange(10, 200000);
    m_trials->setSingleStep(1000);
    m_trials->setValue(10000);
    m_trials->setGroupSeparatorShown(true);
    m_trials->setToolTip(tr("How many scenarios to draw; 10,000 gives percentiles to about "
                            "1 %"));
    m_seed->setObjectName(QStringLiteral("roiMonteCarloSeed"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setValue(1);
    m_seed->setToolTip(tr("The same seed draws the same trials: the result is reproducible"));
    m_run->setObjectName(QStringLiteral("roiMonteCarloRun"));
    m_run->setToolTip(tr("Draws every input that has a range (triangular or PERT) and "
                         "computes the NPV of each trial"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(220);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Trials")));
    controls->addWidget(m_trials);
    controls->addSpacing(8);
    controls->addWidget(new QLabel(tr("Seed")));
    controls->addWidget(m_seed);
    controls->addSpacing(8);
    controls->addWidget(m_run);
    controls->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(m_notice);
    layout->addWidget(m_summary);
    layout->addWidget(m_chart, 1);

    connect(m_run, &QPushButton::clicked, this, &RoiMonteCarloPanel::run);
    showResult();
    updateButton();
}

RoiMonteCarloPanel::~RoiMonteCarloPanel()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void RoiMonteCarloPanel::setScenario(const roi::Scenario &scenario, bool valid)
{
    m_scenario = scenario;
    m_valid = valid;
    m_currency = QString::fromStdString(scenario.currency);
    if (m_result && !m_stale) {
        m_stale = true;
        showResult();
    }
    updateButton();
}

void RoiMonteCarloPanel::reset()
{
    m_result.reset();
    m_stale = false;
    m_notice->clearNotice();
    showResult();
}

std::optional<roi::MonteCarloResult> RoiMonteCarloPanel::result() const
{
    return m_stale ? std::nullopt : m_result;
}

bool RoiMonteCarloPanel::run()
{
    if (m_thread || !m_valid)
        return false;
    roi::MonteCarloOptions options;
    options.trials = m_trials->value();
    options.seed = std::uint64_t(m_seed->value());
    options.threads = 0;
    const roi::Scenario scenario = m_scenario;
    m_notice->showNotice(tr("Drawing %1 trials…").arg(QLocale().toString(options.trials)), false);
    QPointer<RoiMonteCarloPanel> self(this);
    m_thread = QThread::create([self, scenario, options] {
        std::optional<roi::MonteCarloResult> result;
        QString reason;
        QElapsedTimer clock;
        clock.start();
        try {
            result = roi::runMonteCarlo(scenario, options);
        } catch (const std::exception &error) {
            reason = QString::fromUtf8(error.what());
        }
        const qint64 ms = clock.elapsed();
        // The destructor waits for this thread, so `self` is alive here; the call is queued to
        // the panel's thread.
        QMetaObject::invokeMethod(
            self.data(),
            [self, result, reason, ms] {
                if (!self)
                    return;
                self->m_thread->wait();
                delete self->m_thread;
                self->m_thread = nullptr;
                self->updateButton();
                if (!result) {
                    self->m_notice->showNotice(tr("The Monte Carlo failed: %1").arg(reason), true);
                    Q_EMIT self->failed(reason);
                    return;
                }
                self->m_result = result;
                self->m_stale = false;
                self->m_notice->showNotice(
                    tr("%1 trials in %2 s.")
                        .arg(QLocale().toString(result->trials),
                             QLocale().toString(double(ms) / 1000.0, 'f', 2)),
                    false);
                self->showResult();
                Q_EMIT self->finished();
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("roi-monte-carlo"));
    m_thread->start();
    updateButton();
    return true;
}

void RoiMonteCarloPanel::updateButton()
{
    m_run->setEnabled(!m_thread && m_valid);
    m_run->setText(m_thread ? tr("Running…") : tr("Run Monte Carlo"));
}

void RoiMonteCarloPanel::showResult()
{
    if (!m_result) {
        RoiCharts::showMessage(m_chart->chart(), RoiCharts::monteCarloTitle(),
                               tr("press Run Monte Carlo"));
        m_summary->setText(tr("Draws every input with a range many times and shows how the NPV "
                              "spreads: P10 is the NPV that 10 % of the trials fall below."));
        return;
    }
    const QLocale locale;
    const roi::MonteCarloResult &r = *m_result;
    const auto money = [&](double value) { return RoiFormat::money(value, m_currency, locale); };
    QString text =
        tr("P10 %1 · P50 %2 · P90 %3 · mean %4 · probability of loss %5 · %6 inputs "
           "drawn")
            .arg(money(r.p10), money(r.p50), money(r.p90), money(r.mean),
                 RoiFormat::percent(r.probabilityOfLoss, locale), locale.toString(r.drawnInputs));
    if (m_stale)
        text = tr("Out of date: the inputs changed since this run. %1").arg(text);
    m_summary->setText(text);
    m_summary->setStyleSheet(m_stale ? QStringLiteral("color: #8a6d00;") : QString());
    RoiCharts::showMonteCarlo(m_chart->chart(), r, m_currency);
}

} // namespace mf
