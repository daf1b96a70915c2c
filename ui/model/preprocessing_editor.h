#pragma once
// The Model tab's preprocessing: input size, resize policy, mean, std and
// class names, each showing the value the model uses (as the empty editor's
// placeholder) and editable before a run; where the values come from, a
// clearly visible note when nothing but the architecture's defaults backs
// the normalisation, and "Check on Dataset" (the full-precision top-1 on the
// run's dataset).
//
// The values live in the Run panel (its preprocessing.* keys): the editor
// shows them and sets them there, so that the run config, the session and
// the advanced form are one source of truth.
#include <QGroupBox>
#include <QJsonValue>
#include <QString>

#include "api/model_summary.h"
#include "api/preprocessing_check.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace zsq::ui {

class RunPanel;

class PreprocessingEditor : public QGroupBox {
    Q_OBJECT
public:
    explicit PreprocessingEditor(QWidget* parent = nullptr);

    // The panel whose preprocessing.* keys the editor shows and sets.
    void setRunPanel(RunPanel* panel);
    // The preprocessing the model uses with the current settings.
    void setSummary(const zsq::api::ModelSummary& summary);
    // Why the current settings do not fit the model ("" = they do).
    void setError(const QString& message);
    QString errorText() const;

    // The check's states: running, a result, or a message (no dataset, an
    // error).
    void showChecking();
    void showCheck(const zsq::api::PreprocessingCheck& check, const QString& dataset);
    void showCheckMessage(const QString& text);
    void clearCheck();
    QString checkText() const;

    // The editors, for tests and the screenshot tool.
    QSpinBox* inputSizeBox() const { return m_inputSize; }
    QComboBox* resizeBox() const { return m_resize; }
    QSpinBox* resizeSizeBox() const { return m_resizeSize; }
    QLineEdit* meanEdit() const { return m_mean; }
    QLineEdit* stdEdit() const { return m_std; }
    QLineEdit* classNamesEdit() const { return m_classNames; }
    QPushButton* checkButton() const { return m_check; }
    QString sourceText() const;
    bool isAssumedNoteShown() const;
    QString assumedNoteText() const;

    // Text of a number list as the editors show it: "0.286, 0.353".
    static QString listText(const std::vector<double>& values);

public slots:
    // Shows the panel's values (after any change there).
    void syncFromPanel();

signals:
    // "Check on Dataset" was pressed.
    void checkRequested();

private:
    void write(const char* key, const QJsonValue& value);
    void updatePlaceholders();
    void updateResizeSizeEnabled();

    RunPanel* m_panel = nullptr;
    zsq::api::ModelSummary m_summary;
    bool m_hasSummary = false;
    bool m_syncing = false;
    bool m_writing = false;

    QSpinBox* m_inputSize = nullptr;
    QComboBox* m_resize = nullptr;
    QSpinBox* m_resizeSize = nullptr;
    QLineEdit* m_mean = nullptr;
    QLineEdit* m_std = nullptr;
    QLineEdit* m_classNames = nullptr;
    QLabel* m_source = nullptr;
    QLabel* m_assumed = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_check = nullptr;
    QLabel* m_checkResult = nullptr;
};

} // namespace zsq::ui
