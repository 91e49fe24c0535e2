#pragma once

#include <QVector>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace mf {

class PreviewDelegate;
class PreviewModel;

/// The live preview: which samples (typed indices, or Random / Next), how many variants, the
/// seed and epoch they are drawn for, and the grid of tiles with the original in front. The
/// drawn parameters of a tile are in its tooltip and, with "Show drawn parameters", under it.
class PreviewPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewPanel(PreviewModel *model, QWidget *parent = nullptr);
    ~PreviewPanel() override;

    /// Sets the samples shown, as if typed.
    void setSamples(const QVector<qint64> &samples);
    /// "3, 17, 256" into indices; empty with `error` set when the text is not a list of sample
    /// indices within [0, count).
    static QVector<qint64> parseSamples(const QString &text, qint64 count, QString *error);

    void showRandomSamples();
    void showNextSamples();
    void setShowDrawn(bool show);

    QTableView *view() const { return m_view; }

private:
    void applySamplesText();
    void applySeedText();
    void updateLayout();
    void updateStatus();

    PreviewModel *m_model;
    QLineEdit *m_samplesEdit;
    QPushButton *m_randomButton;
    QPushButton *m_nextButton;
    QSpinBox *m_variantsSpin;
    QLineEdit *m_seedEdit;
    QSpinBox *m_epochSpin;
    QCheckBox *m_showDrawnCheck;
    QLabel *m_error;       ///< the samples typed are not usable
    QLabel *m_renderError; ///< the pipeline does not suit the images
    QLabel *m_status;
    QTableView *m_view;
    PreviewDelegate *m_delegate;
};

} // namespace mf
